using Newtonsoft.Json;

namespace CaseOps.Zammad.Models
{
    /// <summary>A ticket state (new, open, closed, ...).</summary>
    public sealed class TicketState : ZammadNamedRecord
    {
        [JsonConstructor] internal TicketState() { }
        [JsonProperty("state_type_id", Required = Required.Always)] public long StateTypeId { get; set; }
        [JsonProperty("next_state_id")] public long? NextStateId { get; set; }
        [JsonProperty("default_create")] public bool DefaultCreate { get; set; }
        [JsonProperty("default_follow_up")] public bool DefaultFollowUp { get; set; }
        [JsonProperty("ignore_escalation")] public bool IgnoreEscalation { get; set; }
    }
}
