namespace CaseOps.Cmdlets.Links
{
    /// <summary>The rule Add-TicketLink and Remove-TicketLink share about the two tickets they name.</summary>
    internal static class TicketLinkPair
    {
        /// <summary>What a failure about the other ticket of a link is reported as.</summary>
        public static ErrorContext AboutLinked(long linkedTicketId) =>
            new ErrorContext($"The link target, ticket {linkedTicketId.ToString(System.Globalization.CultureInfo.InvariantCulture)},", "TicketNotFound", linkedTicketId);

        /// <summary>Refuses a link of a ticket to itself: false after a LinkToSelf error was written.</summary>
        public static bool Check(Cmdlet cmdlet, long ticketId, long linkedTicketId)
        {
            if (ticketId != linkedTicketId)
                return true;
            cmdlet.WriteError(new ErrorRecord(new PSArgumentException($"Ticket {ticketId} cannot be linked to itself."), "LinkToSelf", ErrorCategory.InvalidArgument, ticketId));
            return false;
        }
    }
}
