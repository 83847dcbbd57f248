namespace CaseOps.Sandbox.Zammad;

/// <summary>History rows of tickets and their articles, oldest first.</summary>
public sealed class HistoryStore
{
    private readonly object gate;
    private readonly List<ZammadHistoryEntry> entries = [];
    private int lastId;

    internal HistoryStore(object gate) => this.gate = gate;

    /// <summary>Rows about a ticket and rows of its articles (related to it), in id order.</summary>
    public IReadOnlyList<ZammadHistoryEntry> For(int ticketId)
    {
        lock (gate)
        {
            return entries.Where(e => (e.Object == "Ticket" && e.OId == ticketId) || (e.RelatedObject == "Ticket" && e.RelatedOId == ticketId)).ToArray();
        }
    }

    /// <summary>Appends a row (its id is assigned here).</summary>
    internal ZammadHistoryEntry Add(ZammadHistoryEntry entry)
    {
        lock (gate)
        {
            var stored = entry with { Id = ++lastId };
            entries.Add(stored);
            return stored;
        }
    }

    /// <summary>Drops the rows of a deleted ticket.</summary>
    internal void RemoveTicket(int ticketId)
    {
        lock (gate)
        {
            entries.RemoveAll(e => (e.Object == "Ticket" && e.OId == ticketId) || (e.RelatedObject == "Ticket" && e.RelatedOId == ticketId));
        }
    }
}
