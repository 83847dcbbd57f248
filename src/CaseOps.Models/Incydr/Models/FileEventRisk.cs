using System.Linq;
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

        /// <summary>What kept the event from being trusted: values that match no entry of the tenant's trusted activity.</summary>
        [JsonProperty("untrustedValues")] public FileEventUntrustedValues? UntrustedValues { get; set; }

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

    /// <summary>
    /// Values of an event that match no entry of the tenant's trusted activity (docs/contracts/incydr.md,
    /// FileEventV2). The service sends all five lists, empty when the event has none of a kind.
    /// </summary>
    public sealed class FileEventUntrustedValues
    {
        [JsonProperty("accountNames")] public string[]? AccountNames { get; set; }
        [JsonProperty("domains")] public string[]? Domains { get; set; }
        [JsonProperty("gitRepositoryUris")] public string[]? GitRepositoryUris { get; set; }
        [JsonProperty("slackWorkspaces")] public string[]? SlackWorkspaces { get; set; }
        [JsonProperty("urlPaths")] public string[]? UrlPaths { get; set; }
        /// <summary>The other fields of this part of the event, as sent.</summary>
        [JsonExtensionData] internal IDictionary<string, JToken> AdditionalProperties { get; set; } = new Dictionary<string, JToken>();

        /// <summary>
        /// Fields the server sent that this version of CaseOps does not know, as plain values (strings,
        /// numbers, booleans, dates, arrays, PSCustomObject) by name. A method, not a property, so
        /// ConvertTo-Json, Export-Csv and Export-Clixml leave it out (docs/architecture.md, Output types).
        /// </summary>
        public System.Collections.Specialized.OrderedDictionary GetAdditionalProperties() => CaseOps.Json.PlainJson.ToDictionary(AdditionalProperties);

        /// <summary>All untrusted values, "; "-separated (empty when there are none).</summary>
        public override string ToString() => string.Join("; ", new[] { AccountNames, Domains, GitRepositoryUris, SlackWorkspaces, UrlPaths }
            .Where(list => list != null).SelectMany(list => list!));
    }
}
