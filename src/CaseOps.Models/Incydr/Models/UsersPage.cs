using Newtonsoft.Json;

namespace CaseOps.Incydr.Models
{
    /// <summary>One page of <c>GET /v1/users</c>.</summary>
    internal sealed class UsersPage
    {
        [JsonProperty("users", Required = Required.Always)] public List<IncydrUser> Users { get; set; } = new List<IncydrUser>();

        /// <summary>All matches; optional, as in the event list (docs/contracts/incydr.md, "Users").</summary>
        [JsonProperty("totalCount")] public long? TotalCount { get; set; }
    }
}
