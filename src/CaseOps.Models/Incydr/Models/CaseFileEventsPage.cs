using Newtonsoft.Json;

namespace CaseOps.Incydr.Models
{
    /// <summary>One page of a case's file events.</summary>
    internal sealed class CaseFileEventsPage
    {
        [JsonProperty("events", Required = Required.Always)] public List<CaseFileEvent> Events { get; set; } = new List<CaseFileEvent>();
        [JsonProperty("totalCount")] public long? TotalCount { get; set; }
    }
}
