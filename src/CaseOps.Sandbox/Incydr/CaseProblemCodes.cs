namespace CaseOps.Sandbox.Incydr;

/// <summary>
/// Problem codes of the case endpoints, thrown as <see cref="IncydrFailure.Problem"/>. All but
/// <see cref="InvalidRequest"/> are listed in docs/contracts/incydr.md, Errors.
/// </summary>
public static class CaseProblemCodes
{
    /// <summary>Name missing, empty or whitespace.</summary>
    public const string NameEmpty = "NAME_EMPTY";

    /// <summary>Name longer than 50 characters.</summary>
    public const string NameTooLong = "NAME_TOO_LONG";

    /// <summary>Another case already has this name (compared case-insensitively).</summary>
    public const string NameExists = "NAME_EXISTS";

    /// <summary>Description longer than 250 characters.</summary>
    public const string DescriptionTooLong = "DESCRIPTION_TOO_LONG";

    /// <summary>Findings longer than 30,000 characters.</summary>
    public const string FindingsTooLong = "FINDINGS_TOO_LONG";

    /// <summary>PUT on a CLOSED case (other than archiving it unchanged).</summary>
    public const string NoEditsOnceClosed = "NO_EDITS_ONCE_CLOSED";

    /// <summary>PUT on an ARCHIVED case.</summary>
    public const string NoEditsOnceArchived = "NO_EDITS_ONCE_ARCHIVED";

    /// <summary>Subject or assignee is not a known user.</summary>
    public const string InvalidUser = "INVALID_USER";

    /// <summary>pgNum not an integer or below 1.</summary>
    public const string InvalidPageNumber = "INVALID_PAGE_NUMBER";

    /// <summary>pgSize not a number or outside 1..10000.</summary>
    public const string InvalidPageSize = "INVALID_PAGE_SIZE";

    /// <summary>createdAt / updatedAt not a valid <c>start/end</c> interval.</summary>
    public const string InvalidTimeInterval = "INVALID_TIME_INTERVAL";

    /// <summary>
    /// Emulator-only code for malformed input for which docs/contracts/incydr.md, Errors knows no real
    /// code (bad JSON, unknown enum value, non-boolean isAssigned, non-string id). Clients should treat
    /// it as a plain 400.
    /// </summary>
    public const string InvalidRequest = "INVALID_REQUEST";
}
