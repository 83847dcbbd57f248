using System;
using System.Collections.Generic;
using System.Management.Automation;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CaseOps.Zammad.Models
{
    /// <summary>A ticket group.</summary>
    public sealed class ZammadGroup
    {
        [JsonConstructor] internal ZammadGroup() { }
        [JsonProperty("id")] public long Id { get; set; }
        [JsonProperty("name")] public string Name { get; set; } = string.Empty;
        [JsonProperty("active")] public bool Active { get; set; } = true;
        [JsonExtensionData, Hidden] public IDictionary<string, JToken> AdditionalProperties { get; set; } = new Dictionary<string, JToken>();
        public override string ToString() => Name;
    }
}
