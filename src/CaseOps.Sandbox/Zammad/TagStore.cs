namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// The tag list (items with ids) and each ticket's tags in the order they were added. Names match
/// case-insensitively: adding <c>USB</c> to a ticket that has <c>usb</c> changes nothing, and a new
/// tag reuses an existing item of the same name in any case (as Zammad's lookup does).
/// </summary>
public sealed class TagStore
{
    private readonly object gate;
    private readonly List<TagItem> items = [];
    private readonly Dictionary<int, List<int>> byTicket = [];
    private int lastId;

    internal TagStore(object gate) => this.gate = gate;

    /// <summary>Tag names of a ticket, in the order added.</summary>
    public IReadOnlyList<string> TagsOf(int ticketId)
    {
        lock (gate)
        {
            return byTicket.TryGetValue(ticketId, out var ids) ? ids.Select(id => ItemOf(id)!.Name).ToArray() : [];
        }
    }

    /// <summary>The tag list with usage counts, name order (ordinal).</summary>
    public IReadOnlyList<ZammadTag> List()
    {
        lock (gate)
        {
            var counts = byTicket.Values.SelectMany(ids => ids).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
            return items.Select(i => new ZammadTag(i.Id, i.Name, counts.GetValueOrDefault(i.Id))).OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Id).ToArray();
        }
    }

    /// <summary>The tag item with this id, or null.</summary>
    public ZammadTag? Find(int id)
    {
        lock (gate)
        {
            return List().FirstOrDefault(t => t.Id == id);
        }
    }

    /// <summary>Adds a tag to a ticket; false when it already had it (any case).</summary>
    internal bool Add(int ticketId, string name)
    {
        lock (gate)
        {
            var item = ItemNamed(name) ?? CreateItemLocked(name);
            if (!byTicket.TryGetValue(ticketId, out var ids))
            {
                byTicket[ticketId] = ids = [];
            }

            if (ids.Contains(item.Id))
            {
                return false;
            }

            ids.Add(item.Id);
            return true;
        }
    }

    /// <summary>Removes a tag from a ticket; false when it did not have it. The answer carries the stored spelling.</summary>
    internal string? Remove(int ticketId, string name)
    {
        lock (gate)
        {
            if (ItemNamed(name) is not { } item || !byTicket.TryGetValue(ticketId, out var ids) || !ids.Remove(item.Id))
            {
                return null;
            }

            return item.Name;
        }
    }

    /// <summary>Creates a list item; false when the name exists already (any case).</summary>
    internal bool CreateItem(string name)
    {
        lock (gate)
        {
            if (ItemNamed(name) is not null)
            {
                return false;
            }

            CreateItemLocked(name);
            return true;
        }
    }

    /// <summary>
    /// Renames an item. Onto another item's name the two merge: tickets with the renamed tag get the
    /// other one (at the renamed tag's position, unless they already had it) and the renamed item
    /// disappears. Answers the affected ticket ids, or null when the id is unknown.
    /// </summary>
    internal IReadOnlyList<int>? Rename(int id, string name)
    {
        lock (gate)
        {
            if (ItemOf(id) is not { } item)
            {
                return null;
            }

            var affected = byTicket.Where(p => p.Value.Contains(id)).Select(p => p.Key).OrderBy(t => t).ToArray();
            var other = ItemNamed(name);
            if (other is null || other.Id == id)
            {
                item.Name = name;
                return affected;
            }

            foreach (var ticketId in affected)
            {
                var ids = byTicket[ticketId];
                var position = ids.IndexOf(id);
                if (ids.Contains(other.Id))
                {
                    ids.RemoveAt(position);
                }
                else
                {
                    ids[position] = other.Id;
                }
            }

            items.Remove(item);
            return affected;
        }
    }

    /// <summary>Deletes an item and detaches it from every ticket; null when the id is unknown, else the affected ticket ids.</summary>
    internal IReadOnlyList<int>? DeleteItem(int id)
    {
        lock (gate)
        {
            if (ItemOf(id) is not { } item)
            {
                return null;
            }

            var affected = byTicket.Where(p => p.Value.Remove(id)).Select(p => p.Key).OrderBy(t => t).ToArray();
            items.Remove(item);
            return affected;
        }
    }

    /// <summary>Items whose name contains <paramref name="term"/> (case-insensitive), name order, at most <paramref name="limit"/>.</summary>
    internal IReadOnlyList<ZammadTag> Search(string term, int limit)
    {
        lock (gate)
        {
            return items.Where(i => i.Name.Contains(term, StringComparison.OrdinalIgnoreCase))
                .OrderBy(i => i.Name, StringComparer.Ordinal)
                .Take(limit)
                .Select(i => new ZammadTag(i.Id, i.Name, 0))
                .ToArray();
        }
    }

    /// <summary>Forgets a deleted ticket's tags (the items stay).</summary>
    internal void RemoveTicket(int ticketId)
    {
        lock (gate)
        {
            byTicket.Remove(ticketId);
        }
    }

    /// <summary>Live tag names of a ticket (callers hold the lock).</summary>
    internal IEnumerable<string> LiveOf(int ticketId) =>
        byTicket.TryGetValue(ticketId, out var ids) ? ids.Select(id => ItemOf(id)!.Name) : [];

    private TagItem CreateItemLocked(string name)
    {
        var item = new TagItem(++lastId, name);
        items.Add(item);
        return item;
    }

    private TagItem? ItemNamed(string name) => items.Find(i => i.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    private TagItem? ItemOf(int id) => items.Find(i => i.Id == id);

    // Mutable on purpose: a rename changes the name in place under the lock.
    private sealed class TagItem(int id, string name)
    {
        public int Id { get; } = id;

        public string Name { get; set; } = name;
    }
}
