using System;
using System.Collections.Generic;
using System.Management.Automation;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CaseOps.Zammad.Models
{
    /// <summary>A ticket priority.</summary>
    public sealed class TicketPriority
    {
        [JsonConstructor] internal TicketPriority() { }
        [JsonProperty("id")] public long Id { get; set; }
        [JsonProperty("name")] public string Name { get; set; } = string.Empty;
        [JsonProperty("default_create")] public bool DefaultCreate { get; set; }
        [JsonProperty("ui_icon")] public string? UiIcon { get; set; }
        [JsonProperty("ui_color")] public string? UiColor { get; set; }
        [JsonProperty("note")] public string? Note { get; set; }
        [JsonProperty("active")] public bool Active { get; set; } = true;
        [JsonProperty("created_at")] public DateTimeOffset? CreatedAt { get; set; }
        [JsonProperty("updated_at")] public DateTimeOffset? UpdatedAt { get; set; }
        [JsonExtensionData, Hidden] public IDictionary<string, JToken> AdditionalProperties { get; set; } = new Dictionary<string, JToken>();
        public override string ToString() => Name;
    }
}
