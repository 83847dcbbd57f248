namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// Time accounting entries and their activity types (docs/contracts/zammad.md, Time accounting and Time accounting schema). Shares the
/// Zammad lock. Remembers which tickets ever had an entry: their <c>time_unit</c> is <c>"0.0"</c>
/// once all are deleted, while tickets that never had one answer null.
/// </summary>
public sealed class TimeAccountingStore
{
    private readonly object gate;
    private readonly List<ZammadTimeAccounting> entries = [];
    private readonly HashSet<int> accountedTickets = [];
    private int lastId;

    internal TimeAccountingStore(object gate, DateTime anchorUtc)
    {
        this.gate = gate;
        var at = ZammadTime.TruncateToMilliseconds(anchorUtc.AddDays(-90));
        Types =
        [
            new ZammadTimeAccountingType(1, "Research", true, at),
            new ZammadTimeAccountingType(2, "Investigation", true, at),
            new ZammadTimeAccountingType(3, "Communication", true, at),
            new ZammadTimeAccountingType(4, "Legacy", false, at),
        ];
    }

    /// <summary>Activity types, id ascending (1 Research, 2 Investigation, 3 Communication, 4 Legacy inactive).</summary>
    public IReadOnlyList<ZammadTimeAccountingType> Types { get; }

    /// <summary>Entries of a ticket, id ascending.</summary>
    public IReadOnlyList<ZammadTimeAccounting> For(int ticketId)
    {
        lock (gate)
        {
            return entries.Where(e => e.TicketId == ticketId).ToArray();
        }
    }

    /// <summary>The entry with this id, or null.</summary>
    public ZammadTimeAccounting? Find(int id)
    {
        lock (gate)
        {
            return entries.Find(e => e.Id == id);
        }
    }

    /// <summary>The ticket's <c>time_unit</c>: sum of its entries, or null when it never had one.</summary>
    public decimal? SumOf(int ticketId)
    {
        lock (gate)
        {
            return accountedTickets.Contains(ticketId) ? entries.Where(e => e.TicketId == ticketId).Sum(e => e.TimeUnit) : null;
        }
    }

    /// <summary>An article's <c>time_unit</c>: sum of the entries pointing at it, or null when none do.</summary>
    public decimal? SumOfArticle(int articleId)
    {
        lock (gate)
        {
            var own = entries.Where(e => e.TicketArticleId == articleId).ToArray();
            return own.Length == 0 ? null : own.Sum(e => e.TimeUnit);
        }
    }

    /// <summary>Type by id, or null.</summary>
    public ZammadTimeAccountingType? Type(int id) => Types.FirstOrDefault(t => t.Id == id);

    /// <summary>Type by name (case-insensitive), or null.</summary>
    public ZammadTimeAccountingType? Type(string name) => Types.FirstOrDefault(t => t.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Ids of a ticket's entries, id ascending (the ticket's <c>ticket_time_accounting_ids</c>).</summary>
    internal List<int> IdsOf(int ticketId)
    {
        lock (gate)
        {
            return entries.Where(e => e.TicketId == ticketId).Select(e => e.Id).ToList();
        }
    }

    /// <summary>Stores a new entry under the next id; answers it.</summary>
    internal ZammadTimeAccounting Add(ZammadTimeAccounting entry)
    {
        lock (gate)
        {
            var stored = entry with { Id = ++lastId };
            entries.Add(stored);
            accountedTickets.Add(stored.TicketId);
            return stored;
        }
    }

    /// <summary>Replaces the entry with the same id.</summary>
    internal void Replace(ZammadTimeAccounting entry)
    {
        lock (gate)
        {
            var index = entries.FindIndex(e => e.Id == entry.Id);
            entries[index] = entry;
        }
    }

    /// <summary>Removes an entry; answers it, or null when there is none.</summary>
    internal ZammadTimeAccounting? Remove(int id)
    {
        lock (gate)
        {
            var index = entries.FindIndex(e => e.Id == id);
            if (index < 0)
            {
                return null;
            }

            var entry = entries[index];
            entries.RemoveAt(index);
            return entry;
        }
    }

    /// <summary>Drops a deleted ticket's entries.</summary>
    internal void RemoveTicket(int ticketId)
    {
        lock (gate)
        {
            entries.RemoveAll(e => e.TicketId == ticketId);
            accountedTickets.Remove(ticketId);
        }
    }
}
