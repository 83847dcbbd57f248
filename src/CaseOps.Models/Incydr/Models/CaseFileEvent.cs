using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CaseOps.Incydr.Models
{
    /// <summary>A file event attached to a case, as the case's event list shows it.</summary>
    public sealed class CaseFileEvent
    {
        [JsonConstructor]
        internal CaseFileEvent()
        {
        }

        /// <summary>The case the event is attached to.</summary>
        [JsonIgnore]
        public long CaseNumber { get; internal set; }

        [JsonProperty("eventId", Required = Required.Always)] public string EventId { get; set; } = string.Empty;
        [JsonProperty("eventTimestamp")] public DateTimeOffset? EventTimestamp { get; set; }
        [JsonProperty("fileName")] public string? FileName { get; set; }
        [JsonProperty("filePath")] public string? FilePath { get; set; }

        /// <summary>Whether Incydr captured the file: EXACT_FILE_AVAILABLE, RECENT_FILE_AVAILABLE, PENDING, NO_FILE_AVAILABLE, ERROR.</summary>
        [JsonProperty("fileAvailability")] public string? FileAvailability { get; set; }

        [JsonProperty("riskScore")] public int? RiskScore { get; set; }

        /// <summary>NO_RISK_INDICATED, LOW, MODERATE, HIGH or CRITICAL.</summary>
        [JsonProperty("riskSeverity")] public string? RiskSeverity { get; set; }

        [JsonProperty("exposure", Required = Required.DisallowNull)] public string[] Exposure { get; set; } = Array.Empty<string>();

        [JsonProperty("riskIndicators", Required = Required.DisallowNull, ItemConverterType = typeof(RiskIndicatorConverter))]
        public RiskIndicator[] RiskIndicators { get; set; } = Array.Empty<RiskIndicator>();

        /// <summary>Fields this version of CaseOps does not know.</summary>
        [JsonExtensionData]
        internal IDictionary<string, JToken> AdditionalProperties { get; set; } = new Dictionary<string, JToken>();

        /// <summary>
        /// Fields the server sent that this version of CaseOps does not know, as plain values (strings,
        /// numbers, booleans, dates, arrays, PSCustomObject) by name. A method, not a property, so
        /// ConvertTo-Json, Export-Csv and Export-Clixml leave it out (docs/architecture.md, Output types).
        /// </summary>
        public System.Collections.Specialized.OrderedDictionary GetAdditionalProperties() => CaseOps.Json.PlainJson.ToDictionary(AdditionalProperties);

        public override string ToString() => EventId;
    }
}
