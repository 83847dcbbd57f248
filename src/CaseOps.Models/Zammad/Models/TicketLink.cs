namespace CaseOps.Zammad.Models
{
    /// <summary>
    /// A link of one ticket to another, as seen from <see cref="FromTicketId"/>: <see cref="LinkType"/>
    /// says what the linked ticket is to it (normal, parent or child). <see cref="Id"/> is the linked
    /// ticket's id, so links pipe into Get-Ticket.
    /// </summary>
    public sealed class TicketLink
    {
        internal TicketLink(long fromTicketId, string linkType, long id, Ticket? ticket)
        {
            FromTicketId = fromTicketId;
            LinkType = linkType;
            Id = id;
            Ticket = ticket;
        }

        public long FromTicketId { get; }
        public string LinkType { get; }

        /// <summary>The linked ticket's id.</summary>
        public long Id { get; }

        public string? Number => Ticket?.Number;
        public string? Title => Ticket?.Title;

        /// <summary>The linked ticket as the link listing sent it (ids only), when it did.</summary>
        public Ticket? Ticket { get; }

        public override string ToString() => $"{LinkType} {Id}";
    }
}
