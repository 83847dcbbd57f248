namespace CaseOps.Sandbox.Incydr;

/// <summary>Case states; the member names are the wire values.</summary>
public enum CaseStatus
{
    /// <summary>Being worked on; the only state that accepts edits.</summary>
    OPEN,

    /// <summary>Done; only archiving is still allowed.</summary>
    CLOSED,

    /// <summary>Archived; read-only.</summary>
    ARCHIVED,
}
