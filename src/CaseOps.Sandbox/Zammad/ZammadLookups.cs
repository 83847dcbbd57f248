namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// The lookup tables: groups, states and state types, priorities, article types and senders (seeds
/// of docs/contracts/zammad.md, Priority and state schemas). States and priorities are administered at run time: each change swaps in a new
/// immutable array (copy on write), so readers take a consistent snapshot without locking and see a
/// change at once.
/// </summary>
public sealed class ZammadLookups
{
    /// <summary>Article type id of <c>email</c>.</summary>
    public const int EmailType = 1;

    /// <summary>Article type id of <c>phone</c>.</summary>
    public const int PhoneType = 5;

    /// <summary>Article type id of <c>note</c>.</summary>
    public const int NoteType = 10;

    /// <summary>Article type id of <c>web</c>.</summary>
    public const int WebType = 11;

    /// <summary>Sender id of <c>Agent</c>.</summary>
    public const int AgentSender = 1;

    /// <summary>Sender id of <c>Customer</c>.</summary>
    public const int CustomerSender = 2;

    /// <summary>Sender id of <c>System</c>.</summary>
    public const int SystemSender = 3;

    /// <summary>Creates the seeded tables, timestamped well before the seeded tickets.</summary>
    public ZammadLookups(DateTime anchorUtc)
    {
        var at = ZammadTime.TruncateToMilliseconds(anchorUtc.AddDays(-90));
        Groups =
        [
            new ZammadGroup(1, "Users", "Standard Group/Pool for Tickets.", at),
            new ZammadGroup(2, "Insider Risk", "Cases escalated from Incydr.", at),
            new ZammadGroup(3, "Service Desk", null, at),
        ];
        priorities =
        [
            new ZammadPriority(1, "1 low", false, "low-priority", "low-priority", at),
            new ZammadPriority(2, "2 normal", true, "", null, at),
            new ZammadPriority(3, "3 high", false, "important", "high-priority", at),
        ];
        states =
        [
            new ZammadState(1, 1, "new", null, false, true, false, true, at),
            new ZammadState(2, 2, "open", null, false, false, true, true, at),
            new ZammadState(3, 3, "pending reminder", null, true, false, false, true, at),
            new ZammadState(4, 5, "closed", null, true, false, false, true, at),
            new ZammadState(ZammadState.MergedId, 6, "merged", null, true, false, false, true, at),
            new ZammadState(6, 7, "removed", null, true, false, false, false, at),
            new ZammadState(7, 4, "pending close", 4, true, false, false, true, at),
        ];
    }

    /// <summary>Groups, id ascending.</summary>
    public IReadOnlyList<ZammadGroup> Groups { get; }

    private readonly object gate = new();
    private volatile ZammadPriority[] priorities;
    private volatile ZammadState[] states;

    /// <summary>Priorities, id ascending (a snapshot: later changes do not alter it).</summary>
    public IReadOnlyList<ZammadPriority> Priorities => priorities;

    /// <summary>States, id ascending (a snapshot: later changes do not alter it).</summary>
    public IReadOnlyList<ZammadState> States => states;

    /// <summary>State type names by id (1 new … 7 removed).</summary>
    public IReadOnlyDictionary<int, string> StateTypes { get; } = new Dictionary<int, string>
    {
        [1] = "new", [2] = "open", [3] = "pending reminder", [4] = "pending action", [5] = "closed", [6] = "merged", [7] = "removed",
    };

    /// <summary>Article type names by id.</summary>
    public IReadOnlyDictionary<int, string> ArticleTypes { get; } = new Dictionary<int, string>
    {
        [EmailType] = "email", [2] = "sms", [3] = "chat", [4] = "fax", [PhoneType] = "phone", [NoteType] = "note", [WebType] = "web",
    };

    /// <summary>Article sender names by id.</summary>
    public IReadOnlyDictionary<int, string> Senders { get; } = new Dictionary<int, string>
    {
        [AgentSender] = "Agent", [CustomerSender] = "Customer", [SystemSender] = "System",
    };

    /// <summary>Id of the priority new tickets get (the <c>default_create</c> one; the first if an admin cleared the flag).</summary>
    public int DefaultPriorityId => priorities.FirstOrDefault(p => p.DefaultCreate)?.Id ?? priorities[0].Id;

    /// <summary>Id of the state new tickets get (the <c>default_create</c> one; the first if an admin cleared the flag).</summary>
    public int DefaultStateId => states.FirstOrDefault(s => s.DefaultCreate)?.Id ?? states[0].Id;

    /// <summary>State type id of a name (case-insensitive), or null.</summary>
    public int? StateType(string name) => StateTypes.FirstOrDefault(p => p.Value.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase)) is { Value: not null } hit ? hit.Key : null;

    /// <summary>
    /// Stores a new priority under the next id (the given id is ignored) or replaces the one with the
    /// same id; a priority flagged <c>default_create</c> takes the flag from the others. Answers the stored row.
    /// </summary>
    internal ZammadPriority SavePriority(ZammadPriority priority)
    {
        lock (gate)
        {
            var stored = priority.Id == 0 ? priority with { Id = priorities.Max(p => p.Id) + 1 } : priority;
            var rows = priorities.Where(p => p.Id != stored.Id)
                .Select(p => stored.DefaultCreate && p.DefaultCreate ? p with { DefaultCreate = false } : p)
                .Append(stored).OrderBy(p => p.Id).ToArray();
            priorities = rows;
            return stored;
        }
    }

    /// <summary>Like <see cref="SavePriority"/> for states (<c>default_create</c> and <c>default_follow_up</c> are each unique).</summary>
    internal ZammadState SaveState(ZammadState state)
    {
        lock (gate)
        {
            var stored = state.Id == 0 ? state with { Id = states.Max(s => s.Id) + 1 } : state;
            var rows = states.Where(s => s.Id != stored.Id)
                .Select(s => s with
                {
                    DefaultCreate = s.DefaultCreate && !stored.DefaultCreate,
                    DefaultFollowUp = s.DefaultFollowUp && !stored.DefaultFollowUp,
                })
                .Append(stored).OrderBy(s => s.Id).ToArray();
            states = rows;
            return stored;
        }
    }

    /// <summary>Removes a priority; false when there is none with that id.</summary>
    internal bool RemovePriority(int id)
    {
        lock (gate)
        {
            var rows = priorities.Where(p => p.Id != id).ToArray();
            var removed = rows.Length != priorities.Length;
            priorities = rows;
            return removed;
        }
    }

    /// <summary>Removes a state; false when there is none with that id.</summary>
    internal bool RemoveState(int id)
    {
        lock (gate)
        {
            var rows = states.Where(s => s.Id != id).ToArray();
            var removed = rows.Length != states.Length;
            states = rows;
            return removed;
        }
    }

    /// <summary>Group by id, or null.</summary>
    public ZammadGroup? Group(int id) => Groups.FirstOrDefault(g => g.Id == id);

    /// <summary>Group by name (case-insensitive), or null.</summary>
    public ZammadGroup? Group(string name) => Groups.FirstOrDefault(g => g.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>State by id, or null.</summary>
    public ZammadState? State(int id) => states.FirstOrDefault(s => s.Id == id);

    /// <summary>State by name (case-insensitive), or null.</summary>
    public ZammadState? State(string name) => states.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Priority by id, or null.</summary>
    public ZammadPriority? Priority(int id) => priorities.FirstOrDefault(p => p.Id == id);

    /// <summary>Priority by name (case-insensitive), or null.</summary>
    public ZammadPriority? Priority(string name) => priorities.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Name of a state's type (<c>closed</c>, <c>merged</c>, …).</summary>
    public string StateTypeOf(int stateId) => State(stateId) is { } state ? StateTypes[state.StateTypeId] : "open";

    /// <summary>Article type id of a name, or null.</summary>
    public int? ArticleType(string name) => ArticleTypes.FirstOrDefault(p => p.Value.Equals(name, StringComparison.OrdinalIgnoreCase)) is { Value: not null } hit ? hit.Key : null;

    /// <summary>Sender id of a name, or null.</summary>
    public int? Sender(string name) => Senders.FirstOrDefault(p => p.Value.Equals(name, StringComparison.OrdinalIgnoreCase)) is { Value: not null } hit ? hit.Key : null;
}
