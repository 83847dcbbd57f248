namespace CaseOps.Sandbox.Incydr;

/// <summary>Outcome of a create or replace: the new record, a 400 problem, or "no such case".</summary>
public sealed record CaseMutation
{
    private CaseMutation()
    {
    }

    /// <summary>The stored record when the change was applied.</summary>
    public CaseRecord? Case { get; private init; }

    /// <summary>The business-rule failure when it was rejected.</summary>
    public CaseProblem? Problem { get; private init; }

    /// <summary>True when the case to replace does not exist.</summary>
    public bool NotFound { get; private init; }

    internal static CaseMutation Applied(CaseRecord record) => new() { Case = record };

    internal static CaseMutation Rejected(CaseProblem problem) => new() { Problem = problem };

    internal static CaseMutation Missing() => new() { NotFound = true };
}
