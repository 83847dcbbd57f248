using System;
using System.Collections.Generic;
using System.Management.Automation;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CaseOps.Incydr.Models
{
    /// <summary>Who caused the event.</summary>
    public sealed class FileEventUser
    {
        [JsonProperty("email")] public string? Email { get; set; }
        [JsonProperty("id")] public string? Id { get; set; }
        [JsonProperty("deviceUid")] public string? DeviceUid { get; set; }
        /// <summary>The other fields of this part of the event, as sent.</summary>
        [JsonExtensionData, Hidden] public IDictionary<string, JToken> AdditionalProperties { get; set; } = new Dictionary<string, JToken>();
        public override string ToString() => Email ?? Id ?? string.Empty;
    }
}
