namespace CaseOps.Sandbox.Incydr;

/// <summary>Field rules (docs/contracts/incydr.md, Request bodies and Errors) that do not depend on other cases (lengths, known users).</summary>
public static class CaseRules
{
    /// <summary>Maximum name length.</summary>
    public const int MaxNameLength = 50;

    /// <summary>Maximum description length.</summary>
    public const int MaxDescriptionLength = 250;

    /// <summary>Maximum findings length.</summary>
    public const int MaxFindingsLength = 30_000;

    /// <summary>Throws the first rule the edit breaks as an <see cref="IncydrFailure"/>; checks run in a fixed order so answers are stable.</summary>
    public static void Enforce(CaseEdit edit, UserDirectory users)
    {
        if (string.IsNullOrWhiteSpace(edit.Name))
        {
            throw IncydrFailure.Problem(CaseProblemCodes.NameEmpty, "name must not be empty");
        }

        if (edit.Name.Length > MaxNameLength)
        {
            throw IncydrFailure.Problem(CaseProblemCodes.NameTooLong, $"name must be at most {MaxNameLength} characters");
        }

        if (edit.Description is { Length: > MaxDescriptionLength })
        {
            throw IncydrFailure.Problem(CaseProblemCodes.DescriptionTooLong, $"description must be at most {MaxDescriptionLength} characters");
        }

        if (edit.Findings is { Length: > MaxFindingsLength })
        {
            throw IncydrFailure.Problem(CaseProblemCodes.FindingsTooLong, $"findings must be at most {MaxFindingsLength} characters");
        }

        if (edit.SubjectUid is not null && users.Find(edit.SubjectUid) is null)
        {
            throw IncydrFailure.Problem(CaseProblemCodes.InvalidUser, "subject validation failed");
        }

        if (edit.AssigneeUid is not null && users.Find(edit.AssigneeUid) is null)
        {
            throw IncydrFailure.Problem(CaseProblemCodes.InvalidUser, "assignee validation failed");
        }
    }
}
