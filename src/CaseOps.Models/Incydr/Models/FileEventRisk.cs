using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CaseOps.Incydr.Models
{
    /// <summary>How risky Incydr judged the event, and why.</summary>
    public sealed class FileEventRisk
    {
        [JsonProperty("score")] public int? Score { get; set; }
        [JsonProperty("severity")] public string? Severity { get; set; }
        [JsonProperty("indicators", ItemConverterType = typeof(RiskIndicatorConverter))] public RiskIndicator[]? Indicators { get; set; }
        [JsonProperty("trusted")] public bool? Trusted { get; set; }
        [JsonProperty("trustReason")] public string? TrustReason { get; set; }
        /// <summary>The other fields of this part of the event, as sent.</summary>
        [JsonExtensionData] internal IDictionary<string, JToken> AdditionalProperties { get; set; } = new Dictionary<string, JToken>();

        /// <summary>
        /// Fields the server sent that this version of CaseOps does not know, as plain values (strings,
        /// numbers, booleans, dates, arrays, PSCustomObject) by name. A method, not a property, so
        /// ConvertTo-Json, Export-Csv and Export-Clixml leave it out (docs/architecture.md, Output types).
        /// </summary>
        public System.Collections.Specialized.OrderedDictionary GetAdditionalProperties() => CaseOps.Json.PlainJson.ToDictionary(AdditionalProperties);
        public override string ToString() => Severity ?? string.Empty;
    }
}
