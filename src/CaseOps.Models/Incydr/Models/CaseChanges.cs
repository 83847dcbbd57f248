using Newtonsoft.Json;

namespace CaseOps.Incydr.Models
{
    /// <summary>
    /// The body of <c>POST /v1/cases</c> and <c>PUT /v1/cases/{n}</c>. The PUT replaces the whole case,
    /// so every key is sent, nulls included.
    /// </summary>
    public sealed class CaseChanges
    {
        [JsonProperty("name")] public string Name { get; set; } = string.Empty;
        [JsonProperty("status", NullValueHandling = NullValueHandling.Ignore)] public CaseStatus? Status { get; set; }
        [JsonProperty("description")] public string? Description { get; set; }
        [JsonProperty("findings")] public string? Findings { get; set; }
        [JsonProperty("subject")] public string? Subject { get; set; }
        [JsonProperty("assignee")] public string? Assignee { get; set; }
    }
}
