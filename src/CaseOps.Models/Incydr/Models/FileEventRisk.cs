using System;
using System.Collections.Generic;
using System.Management.Automation;
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
        [JsonExtensionData, Hidden] public IDictionary<string, JToken> AdditionalProperties { get; set; } = new Dictionary<string, JToken>();
        public override string ToString() => Severity ?? string.Empty;
    }
}
