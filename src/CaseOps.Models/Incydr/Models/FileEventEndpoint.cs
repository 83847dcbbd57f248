using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CaseOps.Incydr.Models
{
    /// <summary>Where a file came from or went to: a device, a cloud service, removable media, a browser tab.</summary>
    public sealed class FileEventEndpoint
    {
        [JsonProperty("category")] public string? Category { get; set; }
        [JsonProperty("name")] public string? Name { get; set; }
        [JsonProperty("domains")] public string[]? Domains { get; set; }
        [JsonProperty("ip")] public string? Ip { get; set; }
        [JsonProperty("operatingSystem")] public string? OperatingSystem { get; set; }
        /// <summary>The other fields of this part of the event, as sent.</summary>
        [JsonExtensionData] internal IDictionary<string, JToken> AdditionalProperties { get; set; } = new Dictionary<string, JToken>();

        /// <summary>
        /// Fields the server sent that this version of CaseOps does not know, as plain values (strings,
        /// numbers, booleans, dates, arrays, PSCustomObject) by name. A method, not a property, so
        /// ConvertTo-Json, Export-Csv and Export-Clixml leave it out (docs/architecture.md, Output types).
        /// </summary>
        public System.Collections.Specialized.OrderedDictionary GetAdditionalProperties() => CaseOps.Json.PlainJson.ToDictionary(AdditionalProperties);
        public override string ToString() => Name ?? Category ?? string.Empty;
    }
}
