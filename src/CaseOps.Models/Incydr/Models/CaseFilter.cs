namespace CaseOps.Incydr.Models
{
    /// <summary>The listing filters and sort order of <c>GET /v1/cases</c>; null means "not filtered".</summary>
    public sealed class CaseFilter
    {
        public string? Name { get; set; }
        public IReadOnlyList<CaseStatus>? Status { get; set; }
        public string? Assignee { get; set; }
        public bool? IsAssigned { get; set; }
        public string? Subject { get; set; }
        public string? LastModifiedBy { get; set; }
        public DateTimeOffset? CreatedAfter { get; set; }
        public DateTimeOffset? CreatedBefore { get; set; }
        public DateTimeOffset? UpdatedAfter { get; set; }
        public DateTimeOffset? UpdatedBefore { get; set; }
        public CaseSortProperty SortBy { get; set; } = CaseSortProperty.Number;
        public bool Descending { get; set; }
    }
}
