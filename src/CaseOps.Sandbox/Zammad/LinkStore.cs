namespace CaseOps.Sandbox.Zammad;

/// <summary>Ticket links (docs/contracts/zammad.md, Links). One row per link; either end can list it.</summary>
public sealed class LinkStore
{
    private readonly object gate;
    private readonly List<ZammadLink> rows = [];
    private int lastId;

    internal LinkStore(object gate) => this.gate = gate;

    /// <summary>All rows, id ascending.</summary>
    public IReadOnlyList<ZammadLink> All
    {
        get { lock (gate) { return rows.ToArray(); } }
    }

    /// <summary>Links as seen from a ticket: (type as listed for it, other ticket id), in row order.</summary>
    public IReadOnlyList<(string Type, int TicketId)> LinksOf(int ticketId)
    {
        lock (gate)
        {
            var result = new List<(string, int)>();
            foreach (var row in rows)
            {
                if (row.TargetId == ticketId)
                {
                    result.Add((row.Type, row.SourceId));
                }
                else if (row.SourceId == ticketId)
                {
                    result.Add((ZammadLink.Inverse(row.Type), row.TargetId));
                }
            }

            return result;
        }
    }

    /// <summary>Adds a row unless the same link (either viewpoint) exists; answers the stored row.</summary>
    internal ZammadLink Add(string type, int sourceId, int targetId, DateTime now) => TryAdd(type, sourceId, targetId, now).Row;

    /// <summary>Like <see cref="Add"/>, also telling whether a row was created.</summary>
    internal (ZammadLink Row, bool Created) TryAdd(string type, int sourceId, int targetId, DateTime now)
    {
        lock (gate)
        {
            if (Existing(type, sourceId, targetId) is { } existing)
            {
                return (existing, false);
            }

            var row = new ZammadLink(++lastId, type, sourceId, targetId, now);
            rows.Add(row);
            return (row, true);
        }
    }

    /// <summary>Removes the rows (type, S, X) and (inverse type, X, S); answers them in id order (none → empty).</summary>
    internal IReadOnlyList<ZammadLink> Remove(string type, int sourceId, int targetId)
    {
        lock (gate)
        {
            var removed = rows.Where(r => (r.Type == type && r.SourceId == sourceId && r.TargetId == targetId)
                || (r.Type == ZammadLink.Inverse(type) && r.SourceId == targetId && r.TargetId == sourceId)).ToArray();
            foreach (var row in removed)
            {
                rows.Remove(row);
            }

            return removed;
        }
    }

    /// <summary>
    /// Re-points every row touching <paramref name="fromId"/> (except <paramref name="keepId"/>) at
    /// <paramref name="toId"/>; rows that would link a ticket to itself or duplicate one are dropped.
    /// Answers the ids of the tickets at the other ends (their links changed).
    /// </summary>
    internal IReadOnlyList<int> Move(int fromId, int toId, int keepId)
    {
        lock (gate)
        {
            var touched = new List<int>();
            foreach (var row in rows.Where(r => r.Id != keepId && (r.SourceId == fromId || r.TargetId == fromId)).ToArray())
            {
                rows.Remove(row);
                var moved = row with
                {
                    SourceId = row.SourceId == fromId ? toId : row.SourceId,
                    TargetId = row.TargetId == fromId ? toId : row.TargetId,
                };
                touched.Add(row.SourceId == fromId ? row.TargetId : row.SourceId);
                if (moved.SourceId != moved.TargetId && Existing(moved.Type, moved.SourceId, moved.TargetId) is null)
                {
                    rows.Add(moved);
                }
            }

            rows.Sort((a, b) => a.Id.CompareTo(b.Id));
            return touched;
        }
    }

    /// <summary>Drops every row of a deleted ticket.</summary>
    internal void RemoveTicket(int ticketId)
    {
        lock (gate)
        {
            rows.RemoveAll(r => r.SourceId == ticketId || r.TargetId == ticketId);
        }
    }

    private ZammadLink? Existing(string type, int sourceId, int targetId) =>
        rows.Find(r => (r.Type == type && r.SourceId == sourceId && r.TargetId == targetId)
            || (r.Type == ZammadLink.Inverse(type) && r.SourceId == targetId && r.TargetId == sourceId));
}
