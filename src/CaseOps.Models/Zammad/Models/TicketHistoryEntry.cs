using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CaseOps.Zammad.Models
{
    /// <summary>One change in a ticket's history: who, when, what, from which value to which.</summary>
    public sealed class TicketHistoryEntry
    {
        [JsonConstructor] internal TicketHistoryEntry() { }

        [JsonProperty("id", Required = Required.Always)] public long Id { get; set; }

        /// <summary>The ticket whose history this is.</summary>
        [JsonIgnore] public long TicketId { get; internal set; }

        [JsonProperty("created_at", Required = Required.Always)] public DateTimeOffset CreatedAt { get; set; }
        [JsonProperty("created_by_id", Required = Required.Always)] public long CreatedById { get; set; }

        /// <summary>The login of who made the change, from the answer's user assets.</summary>
        [JsonIgnore] public string? CreatedBy { get; internal set; }

        /// <summary>Ticket or Ticket::Article.</summary>
        [JsonProperty("object"), System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Zammad's own field name; users filter history on it.")]
        public string? Object { get; set; }
        [JsonProperty("o_id", Required = Required.Always)] public long ObjectId { get; set; }

        /// <summary>created, updated, added, removed, merged_into, received_merge, ...</summary>
        [JsonProperty("type")] public string? Type { get; set; }

        /// <summary>What changed: state, title, tag, ...</summary>
        [JsonProperty("attribute")] public string? Attribute { get; set; }
        [JsonProperty("value_from")] public string? From { get; set; }
        [JsonProperty("value_to")] public string? To { get; set; }
        [JsonProperty("id_from")] public long? IdFrom { get; set; }
        [JsonProperty("id_to")] public long? IdTo { get; set; }
        [JsonProperty("related_object")] public string? RelatedObject { get; set; }
        [JsonProperty("related_o_id")] public long? RelatedObjectId { get; set; }

        /// <summary>Fields this version of CaseOps does not know.</summary>
        [JsonExtensionData] internal IDictionary<string, JToken> AdditionalProperties { get; set; } = new Dictionary<string, JToken>();

        /// <summary>
        /// Fields the server sent that this version of CaseOps does not know, as plain values (strings,
        /// numbers, booleans, dates, arrays, PSCustomObject) by name. A method, not a property, so
        /// ConvertTo-Json, Export-Csv and Export-Clixml leave it out (docs/architecture.md, Output types).
        /// </summary>
        public System.Collections.Specialized.OrderedDictionary GetAdditionalProperties() => CaseOps.Json.PlainJson.ToDictionary(AdditionalProperties);

        public override string ToString() => $"{CreatedAt:u} {Type} {Attribute}".Trim();
    }
}
