using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CaseOps.Incydr.Models
{
    /// <summary>
    /// The full record of a file event (Incydr's v2 file-event document): who did what to which file,
    /// from where to where, and how risky it looked. Parts CaseOps does not model are returned, as plain values, by GetAdditionalProperties().
    /// </summary>
    public sealed class FileEventDetail
    {
        [JsonConstructor] internal FileEventDetail() { }

        /// <summary>The case the event was read from.</summary>
        [JsonIgnore] public long CaseNumber { get; internal set; }

        /// <summary>The event id (event.id).</summary>
        [JsonIgnore] public string? EventId => Event?.Id;

        [JsonProperty("@timestamp")] public DateTimeOffset? Timestamp { get; set; }
        [JsonProperty("event")] public FileEventInfo? Event { get; set; }
        [JsonProperty("user")] public FileEventUser? User { get; set; }
        [JsonProperty("file")] public FileEventFile? File { get; set; }
        [JsonProperty("source")] public FileEventEndpoint? Source { get; set; }
        [JsonProperty("destination")] public FileEventEndpoint? Destination { get; set; }
        [JsonProperty("risk")] public FileEventRisk? Risk { get; set; }

        /// <summary>The other fields of this part of the event, as sent.</summary>
        [JsonExtensionData] internal IDictionary<string, JToken> AdditionalProperties { get; set; } = new Dictionary<string, JToken>();

        /// <summary>
        /// Fields the server sent that this version of CaseOps does not know, as plain values (strings,
        /// numbers, booleans, dates, arrays, PSCustomObject) by name. A method, not a property, so
        /// ConvertTo-Json, Export-Csv and Export-Clixml leave it out (docs/architecture.md, Output types).
        /// </summary>
        public System.Collections.Specialized.OrderedDictionary GetAdditionalProperties() => CaseOps.Json.PlainJson.ToDictionary(AdditionalProperties);

        public override string ToString() => EventId ?? "(file event)";
    }
}
