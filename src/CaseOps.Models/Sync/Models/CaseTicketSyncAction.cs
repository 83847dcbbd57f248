namespace CaseOps.Sync.Models
{
    /// <summary>What Sync-CaseTicket did (or, under -WhatIf, would do) for one case (docs/architecture.md, "Sync-CaseTicket").</summary>
    public enum CaseTicketSyncAction
    {
        Created,
        Updated,
        Unchanged,
        Closed,
        Failed,
    }
}
