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
        [JsonExtensionData] internal IDictionary<string, JToken> AdditionalProperties { get; set; } = new Dictionary<string, JToken>();

        /// <summary>
        /// Fields the server sent that this version of CaseOps does not know, as plain values (strings,
        /// numbers, booleans, dates, arrays, PSCustomObject) by name. A method, not a property, so
        /// ConvertTo-Json, Export-Csv and Export-Clixml leave it out (docs/architecture.md, Output types).
        /// </summary>
        public System.Collections.Specialized.OrderedDictionary GetAdditionalProperties() => CaseOps.Json.PlainJson.ToDictionary(AdditionalProperties);
        public override string ToString() => Email ?? Id ?? string.Empty;
    }
}
