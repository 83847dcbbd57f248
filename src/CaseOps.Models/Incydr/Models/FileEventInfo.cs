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
        [JsonExtensionData] internal IDictionary<string, JToken> AdditionalProperties { get; set; } = new Dictionary<string, JToken>();

        /// <summary>
        /// Fields the server sent that this version of CaseOps does not know, as plain values (strings,
        /// numbers, booleans, dates, arrays, PSCustomObject) by name. A method, not a property, so
        /// ConvertTo-Json, Export-Csv and Export-Clixml leave it out (docs/architecture.md, Output types).
        /// </summary>
        public System.Collections.Specialized.OrderedDictionary GetAdditionalProperties() => CaseOps.Json.PlainJson.ToDictionary(AdditionalProperties);
        public override string ToString() => Action ?? Id ?? string.Empty;
    }
}
