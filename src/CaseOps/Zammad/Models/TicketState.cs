using System;
using System.Collections.Generic;
using System.Management.Automation;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CaseOps.Zammad.Models
{
    /// <summary>A ticket state (new, open, closed, ...).</summary>
    public sealed class TicketState
    {
        [JsonConstructor] internal TicketState() { }
        [JsonProperty("id")] public long Id { get; set; }
        [JsonProperty("name")] public string Name { get; set; } = string.Empty;
        [JsonProperty("state_type_id")] public long StateTypeId { get; set; }
        [JsonProperty("next_state_id")] public long? NextStateId { get; set; }
        [JsonProperty("default_create")] public bool DefaultCreate { get; set; }
        [JsonProperty("default_follow_up")] public bool DefaultFollowUp { get; set; }
        [JsonProperty("ignore_escalation")] public bool IgnoreEscalation { get; set; }
        [JsonProperty("note")] public string? Note { get; set; }
        [JsonProperty("active")] public bool Active { get; set; } = true;
        [JsonProperty("created_at")] public DateTimeOffset? CreatedAt { get; set; }
        [JsonProperty("updated_at")] public DateTimeOffset? UpdatedAt { get; set; }
        [JsonExtensionData, Hidden] public IDictionary<string, JToken> AdditionalProperties { get; set; } = new Dictionary<string, JToken>();
        public override string ToString() => Name;
    }
}
