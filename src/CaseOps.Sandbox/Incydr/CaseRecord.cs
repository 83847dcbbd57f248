namespace CaseOps.Sandbox.Incydr;

/// <summary>
/// One stored case. Immutable: the store swaps whole records on update, so a reader holding a
/// reference never sees a half-applied change and listing needs no per-record copies.
/// Timestamps are UTC <see cref="DateTime"/>s truncated to whole microseconds (the wire precision).
/// </summary>
public sealed record CaseRecord
{
    /// <summary>Case number, assigned by the store.</summary>
    public required long Number { get; init; }

    /// <summary>Name, 1..50 characters, unique (case-insensitively) in the store.</summary>
    public required string Name
    {
        get;
        init
        {
            field = value;
            NameSortKey = value.ToUpperInvariant();
        }
    }

    /// <summary>
    /// Upper-cased name, computed once so sorting by name compares ordinally: case-insensitive
    /// comparison of non-ASCII names (the seeded ones carry an en dash) is several times slower.
    /// </summary>
    internal string NameSortKey { get; private init; } = string.Empty;

    /// <summary>Description, up to 250 characters.</summary>
    public string? Description { get; init; }

    /// <summary>Markdown findings, up to 30,000 characters.</summary>
    public string? Findings { get; init; }

    /// <summary>State of the case.</summary>
    public required CaseStatus Status { get; init; }

    /// <summary>The person the case is about.</summary>
    public SandboxUser? Subject { get; init; }

    /// <summary>The person working the case.</summary>
    public SandboxUser? Assignee { get; init; }

    /// <summary>Who created the case.</summary>
    public SandboxUser? CreatedBy { get; init; }

    /// <summary>Who changed the case last.</summary>
    public SandboxUser? LastModifiedBy { get; init; }

    /// <summary>Creation time (UTC).</summary>
    public required DateTime CreatedAt { get; init; }

    /// <summary>Last change (UTC), never before <see cref="CreatedAt"/>.</summary>
    public required DateTime UpdatedAt { get; init; }

    /// <summary>When the case was archived (UTC); null unless <see cref="Status"/> is ARCHIVED.</summary>
    public DateTime? ArchivalTime { get; init; }
}
