namespace CaseOps.Sandbox.Incydr;

/// <summary>A parsed <c>GET /v1/cases</c> request: filters (all AND-ed), sort order and page.</summary>
public sealed record CaseQuery
{
    /// <summary>The default order: number ascending.</summary>
    public static readonly IReadOnlyList<CaseSortKey> DefaultSort = [new CaseSortKey(CaseSortField.number, false)];

    /// <summary>Accepted statuses (OR-ed); null or empty = any.</summary>
    public IReadOnlySet<CaseStatus>? Statuses { get; init; }

    /// <summary>Assignee UID must equal this.</summary>
    public string? Assignee { get; init; }

    /// <summary>True: has an assignee; false: has none.</summary>
    public bool? IsAssigned { get; init; }

    /// <summary>Case-insensitive substring of the name.</summary>
    public string? NameContains { get; init; }

    /// <summary>Subject UID must equal this.</summary>
    public string? Subject { get; init; }

    /// <summary>Last modifier UID must equal this.</summary>
    public string? LastModifiedBy { get; init; }

    /// <summary>Creation time must lie in this interval.</summary>
    public TimeInterval? CreatedAt { get; init; }

    /// <summary>Update time must lie in this interval.</summary>
    public TimeInterval? UpdatedAt { get; init; }

    /// <summary>1-based page number.</summary>
    public int PageNumber { get; init; } = 1;

    /// <summary>Page length; the server default is "unlimited".</summary>
    public int PageSize { get; init; } = int.MaxValue;

    /// <summary>Sort criteria, most significant first.</summary>
    public IReadOnlyList<CaseSortKey> Sort { get; init; } = DefaultSort;

    /// <summary>True when any filter is set (lets the store skip the filtering pass).</summary>
    public bool HasFilters =>
        Statuses is { Count: > 0 } || Assignee is not null || IsAssigned is not null || NameContains is not null
        || Subject is not null || LastModifiedBy is not null || CreatedAt is not null || UpdatedAt is not null;

    /// <summary>True when the record passes every filter.</summary>
    public bool Matches(CaseRecord record) =>
        (Statuses is not { Count: > 0 } || Statuses.Contains(record.Status))
        && (Assignee is null || string.Equals(record.Assignee?.Uid, Assignee, StringComparison.Ordinal))
        && (IsAssigned is null || (record.Assignee is not null) == IsAssigned)
        && (NameContains is null || record.Name.Contains(NameContains, StringComparison.OrdinalIgnoreCase))
        && (Subject is null || string.Equals(record.Subject?.Uid, Subject, StringComparison.Ordinal))
        && (LastModifiedBy is null || string.Equals(record.LastModifiedBy?.Uid, LastModifiedBy, StringComparison.Ordinal))
        && (CreatedAt is null || CreatedAt.Contains(record.CreatedAt))
        && (UpdatedAt is null || UpdatedAt.Contains(record.UpdatedAt));
}
