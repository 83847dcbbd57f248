namespace CaseOps.Sandbox.Incydr;

/// <summary>One page of a case listing.</summary>
/// <param name="Cases">The records on the page, in order.</param>
/// <param name="TotalCount">All matches, not just this page.</param>
public sealed record CasePage(IReadOnlyList<CaseRecord> Cases, long TotalCount);
