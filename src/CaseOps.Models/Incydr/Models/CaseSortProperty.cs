namespace CaseOps.Incydr.Models
{
    /// <summary>Sort keys of the case listing; Assignee and Subject sort by user name.</summary>
    public enum CaseSortProperty
    {
        Number,
        Name,
        CreatedAt,
        UpdatedAt,
        Status,
        Assignee,
        Subject,
    }
}
