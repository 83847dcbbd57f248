namespace CaseOps.Incydr.Models
{
    /// <summary>The filters of <c>GET /v1/users</c>; null means "not filtered".</summary>
    public sealed class IncydrUserFilter
    {
        /// <summary>The username, matched whole.</summary>
        public string? Username { get; set; }
        public bool? Active { get; set; }
        public bool? Blocked { get; set; }
    }
}
