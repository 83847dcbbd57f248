namespace CaseOps.Sandbox.Incydr;

/// <summary>Sort keys of <c>srtKey</c>; member names are the wire values.</summary>
public enum CaseSortField
{
    /// <summary>Case number (the default and the tie-breaker).</summary>
    number,

    /// <summary>Case name.</summary>
    name,

    /// <summary>Creation time.</summary>
    createdAt,

    /// <summary>Last update time.</summary>
    updatedAt,

    /// <summary>Status, by its wire name.</summary>
    status,

    /// <summary>Assignee username.</summary>
    assigneeUsername,

    /// <summary>Subject username.</summary>
    subjectUsername,

    /// <summary>Archival time.</summary>
    archivalTime,
}

/// <summary>One sort criterion.</summary>
/// <param name="Field">What to sort by.</param>
/// <param name="Descending">True for <c>desc</c>.</param>
public sealed record CaseSortKey(CaseSortField Field, bool Descending);
