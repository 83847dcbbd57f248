namespace CaseOps.Zammad.Models
{
    /// <summary>One tag on one ticket; pipes into Remove-TicketTag and Get-Ticket.</summary>
    public sealed class TicketTag
    {
        internal TicketTag(long ticketId, string name)
        {
            TicketId = ticketId;
            Name = name;
        }

        public long TicketId { get; }
        public string Name { get; }

        public override string ToString() => Name;
    }
}
