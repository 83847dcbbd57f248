namespace CaseOps.Sandbox.Incydr;

/// <summary>
/// The writable fields of a case as a client sent them (create or full replacement). User fields
/// are raw UIDs; the store resolves and validates them.
/// </summary>
/// <param name="Name">Requested name (null when missing).</param>
/// <param name="Description">Description or null.</param>
/// <param name="Findings">Findings or null.</param>
/// <param name="SubjectUid">Subject UID or null.</param>
/// <param name="AssigneeUid">Assignee UID or null.</param>
/// <param name="Status">Requested status; ignored on create.</param>
public sealed record CaseEdit(
    string? Name,
    string? Description = null,
    string? Findings = null,
    string? SubjectUid = null,
    string? AssigneeUid = null,
    CaseStatus Status = CaseStatus.OPEN);
