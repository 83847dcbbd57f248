using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// What <see cref="TicketStore.Create"/> plants: ids only, no name lookups or validation, optional
/// exact timestamps. Lets tests arrange state the HTTP API cannot produce (old timestamps, a given state).
/// </summary>
public sealed record ZammadTicketDraft
{
    /// <summary>Title.</summary>
    public string Title { get; init; } = "Planted ticket";

    /// <summary>Group id (default 1 Users).</summary>
    public int GroupId { get; init; } = 1;

    /// <summary>Customer user id (default 6, bob@example.com).</summary>
    public int CustomerId { get; init; } = 6;

    /// <summary>State id (default 1 new).</summary>
    public int StateId { get; init; } = 1;

    /// <summary>Priority id (default 2 normal).</summary>
    public int PriorityId { get; init; } = 2;

    /// <summary>Owner user id (default 1, unassigned).</summary>
    public int OwnerId { get; init; } = ZammadUser.SystemId;

    /// <summary>Organization id or null.</summary>
    public int? OrganizationId { get; init; }

    /// <summary>Creator and last modifier (default 2, admin).</summary>
    public int ActorId { get; init; } = ZammadUserDirectory.AdminId;

    /// <summary>Tags in order.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Body of a first note article, or null for none.</summary>
    public string? ArticleBody { get; init; }

    /// <summary>Custom field values (keys of <see cref="SandboxOptions.ZammadCustomFields"/>).</summary>
    public IReadOnlyDictionary<string, JsonNode?> CustomFields { get; init; } = new Dictionary<string, JsonNode?>();

    /// <summary>Creation time; null takes the emulator clock.</summary>
    public DateTime? CreatedAt { get; init; }

    /// <summary>Last-change time; null uses the creation time.</summary>
    public DateTime? UpdatedAt { get; init; }
}
