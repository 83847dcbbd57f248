using System;
using System.Collections.Generic;
using System.Management.Automation;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CaseOps.Zammad.Models
{
    /// <summary>What Zammad's named lookup records (groups, states, priorities) have in common.</summary>
    public abstract class ZammadNamedRecord
    {
        private protected ZammadNamedRecord()
        {
        }

        [JsonProperty("id")] public long Id { get; set; }
        [JsonProperty("name")] public string Name { get; set; } = string.Empty;
        [JsonProperty("active")] public bool Active { get; set; } = true;
        [JsonProperty("note")] public string? Note { get; set; }
        [JsonProperty("created_at")] public DateTimeOffset? CreatedAt { get; set; }
        [JsonProperty("updated_at")] public DateTimeOffset? UpdatedAt { get; set; }

        /// <summary>Fields this version of CaseOps does not know.</summary>
        [JsonExtensionData, Hidden] public IDictionary<string, JToken> AdditionalProperties { get; set; } = new Dictionary<string, JToken>();

        public override string ToString() => Name;
    }
}
