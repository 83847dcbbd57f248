namespace CaseOps.Sync.Models
{
    /// <summary>One case's outcome of Sync-CaseTicket: its ticket, what changed, and the watermark to resume from.</summary>
    public sealed class CaseTicketSyncResult
    {
        internal CaseTicketSyncResult(long caseNumber, CaseTicketSyncAction action, DateTimeOffset caseUpdatedAt)
        {
            CaseNumber = caseNumber;
            Action = action;
            CaseUpdatedAt = caseUpdatedAt;
        }

        public long CaseNumber { get; }

        /// <summary>Null when no ticket exists (a failed create, or a create planned under -WhatIf).</summary>
        public long? TicketId { get; internal set; }

        public string? TicketNumber { get; internal set; }

        public CaseTicketSyncAction Action { get; internal set; }

        /// <summary>What was (or would be) changed, e.g. <c>ticket</c>, <c>title</c>, <c>state:closed</c>, <c>note</c>, <c>pdf</c>.</summary>
        public CaseTicketSyncChanges Changes { get; internal set; } = new CaseTicketSyncChanges(Array.Empty<string>());

        public DateTimeOffset CaseUpdatedAt { get; }

        /// <summary>The <c>updatedAt</c> up to which every case of this run is done: where a resumed run starts.</summary>
        public DateTimeOffset? Watermark { get; internal set; }

        public override string ToString() => $"Case {CaseNumber}: {Action}";
    }
}
