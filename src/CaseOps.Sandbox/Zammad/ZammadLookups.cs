namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// The fixed lookup tables: groups, states and state types, priorities, article types and senders
/// (seeds of contract §4.10). Immutable, so shared without locking.
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
        Priorities =
        [
            new ZammadPriority(1, "1 low", false, "low-priority", "low-priority", at),
            new ZammadPriority(2, "2 normal", true, "", null, at),
            new ZammadPriority(3, "3 high", false, "important", "high-priority", at),
        ];
        States =
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

    /// <summary>Priorities, id ascending.</summary>
    public IReadOnlyList<ZammadPriority> Priorities { get; }

    /// <summary>States, id ascending.</summary>
    public IReadOnlyList<ZammadState> States { get; }

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

    /// <summary>Group by id, or null.</summary>
    public ZammadGroup? Group(int id) => Groups.FirstOrDefault(g => g.Id == id);

    /// <summary>Group by name (case-insensitive), or null.</summary>
    public ZammadGroup? Group(string name) => Groups.FirstOrDefault(g => g.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>State by id, or null.</summary>
    public ZammadState? State(int id) => States.FirstOrDefault(s => s.Id == id);

    /// <summary>State by name (case-insensitive), or null.</summary>
    public ZammadState? State(string name) => States.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Priority by id, or null.</summary>
    public ZammadPriority? Priority(int id) => Priorities.FirstOrDefault(p => p.Id == id);

    /// <summary>Priority by name (case-insensitive), or null.</summary>
    public ZammadPriority? Priority(string name) => Priorities.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Name of a state's type (<c>closed</c>, <c>merged</c>, …).</summary>
    public string StateTypeOf(int stateId) => State(stateId) is { } state ? StateTypes[state.StateTypeId] : "open";

    /// <summary>Article type id of a name, or null.</summary>
    public int? ArticleType(string name) => ArticleTypes.FirstOrDefault(p => p.Value.Equals(name, StringComparison.OrdinalIgnoreCase)) is { Value: not null } hit ? hit.Key : null;

    /// <summary>Sender id of a name, or null.</summary>
    public int? Sender(string name) => Senders.FirstOrDefault(p => p.Value.Equals(name, StringComparison.OrdinalIgnoreCase)) is { Value: not null } hit ? hit.Key : null;
}
