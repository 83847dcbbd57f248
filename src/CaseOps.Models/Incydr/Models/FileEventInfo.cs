using System;
using System.Collections.Generic;
using System.Management.Automation;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CaseOps.Incydr.Models
{
    /// <summary>What happened: the event's id, action and where it was observed.</summary>
    public sealed class FileEventInfo
    {
        [JsonProperty("id")] public string? Id { get; set; }
        [JsonProperty("action")] public string? Action { get; set; }
        [JsonProperty("observer")] public string? Observer { get; set; }
        [JsonProperty("vector")] public string? Vector { get; set; }
        [JsonProperty("inserted")] public DateTimeOffset? Inserted { get; set; }
        [JsonProperty("shareType")] public string[]? ShareType { get; set; }
        /// <summary>The other fields of this part of the event, as sent.</summary>
        [JsonExtensionData, Hidden] public IDictionary<string, JToken> AdditionalProperties { get; set; } = new Dictionary<string, JToken>();
        public override string ToString() => Action ?? Id ?? string.Empty;
    }
}
