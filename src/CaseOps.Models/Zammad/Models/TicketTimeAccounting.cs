using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CaseOps.Zammad.Models
{
    /// <summary>Time worked on a ticket, with its accounting type.</summary>
    public sealed class TicketTimeAccounting
    {
        [JsonConstructor] internal TicketTimeAccounting() { }

        [JsonProperty("id", Required = Required.Always)] public long Id { get; set; }
        [JsonProperty("ticket_id", Required = Required.Always)] public long TicketId { get; set; }
        [JsonProperty("ticket_article_id")] public long? ArticleId { get; set; }

        /// <summary>The time accounted (Zammad's unit, minutes by default); Zammad sends it as a decimal string.</summary>
        [JsonProperty("time_unit", Required = Required.Always), JsonConverter(typeof(CaseOps.Json.DecimalTextConverter))]
        public decimal TimeUnit { get; private set; }

        [JsonProperty("type_id")] public long? TypeId { get; set; }

        /// <summary>The accounting type's name, from the connection's catalog.</summary>
        [JsonIgnore] public string? Type { get; internal set; }

        [JsonProperty("created_by_id", Required = Required.Always)] public long CreatedById { get; set; }
        [JsonProperty("created_at", Required = Required.Always)] public DateTimeOffset CreatedAt { get; set; }
        [JsonProperty("updated_at", Required = Required.Always)] public DateTimeOffset UpdatedAt { get; set; }

        /// <summary>Fields this version of CaseOps does not know.</summary>
        [JsonExtensionData] internal IDictionary<string, JToken> AdditionalProperties { get; set; } = new Dictionary<string, JToken>();

        /// <summary>
        /// Fields the server sent that this version of CaseOps does not know, as plain values (strings,
        /// numbers, booleans, dates, arrays, PSCustomObject) by name. A method, not a property, so
        /// ConvertTo-Json, Export-Csv and Export-Clixml leave it out (docs/architecture.md, Output types).
        /// </summary>
        public System.Collections.Specialized.OrderedDictionary GetAdditionalProperties() => CaseOps.Json.PlainJson.ToDictionary(AdditionalProperties);

        public override string ToString() => TimeUnit.ToString(CultureInfo.InvariantCulture) + (Type == null ? string.Empty : " " + Type);
    }
}
