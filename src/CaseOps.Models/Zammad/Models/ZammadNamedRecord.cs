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

        [JsonProperty("id", Required = Required.Always)] public long Id { get; set; }
        [JsonProperty("name", Required = Required.Always)] public string Name { get; set; } = string.Empty;
        [JsonProperty("active", Required = Required.DisallowNull)] public bool Active { get; set; } = true;
        [JsonProperty("note")] public string? Note { get; set; }
        [JsonProperty("created_at")] public DateTimeOffset? CreatedAt { get; set; }
        [JsonProperty("updated_at")] public DateTimeOffset? UpdatedAt { get; set; }

        /// <summary>Fields this version of CaseOps does not know.</summary>
        [JsonExtensionData] internal IDictionary<string, JToken> AdditionalProperties { get; set; } = new Dictionary<string, JToken>();

        /// <summary>
        /// Fields the server sent that this version of CaseOps does not know, as plain values (strings,
        /// numbers, booleans, dates, arrays, PSCustomObject) by name. A method, not a property, so
        /// ConvertTo-Json, Export-Csv and Export-Clixml leave it out (docs/architecture.md, Output types).
        /// </summary>
        public System.Collections.Specialized.OrderedDictionary GetAdditionalProperties() => CaseOps.Json.PlainJson.ToDictionary(AdditionalProperties);

        public override string ToString() => Name;
    }
}
