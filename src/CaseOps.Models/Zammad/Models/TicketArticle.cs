using System.Runtime.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CaseOps.Zammad.Models
{
    /// <summary>One article of a ticket: a note, an email, a phone call... with its attachments.</summary>
    public sealed class TicketArticle
    {
        [JsonConstructor] internal TicketArticle() { }

        [JsonProperty("id", Required = Required.Always)] public long Id { get; set; }
        [JsonProperty("ticket_id", Required = Required.Always)] public long TicketId { get; set; }
        [JsonProperty("type")] public string? Type { get; set; }
        [JsonProperty("type_id", Required = Required.Always)] public long TypeId { get; set; }
        [JsonProperty("sender")] public string? Sender { get; set; }
        [JsonProperty("sender_id", Required = Required.Always)] public long SenderId { get; set; }
        [JsonProperty("internal", Required = Required.Always)] public bool Internal { get; set; }
        [JsonProperty("subject")] public string? Subject { get; set; }
        [JsonProperty("from")] public string? From { get; set; }
        [JsonProperty("to")] public string? To { get; set; }
        [JsonProperty("cc")] public string? Cc { get; set; }
        [JsonProperty("content_type")] public string? ContentType { get; set; }
        [JsonProperty("body", Required = Required.Always)] public string Body { get; set; } = string.Empty;
        [JsonProperty("time_unit")] public string? TimeUnit { get; set; }
        [JsonProperty("created_by")] public string? CreatedBy { get; set; }
        [JsonProperty("created_by_id", Required = Required.Always)] public long CreatedById { get; set; }
        [JsonProperty("updated_by")] public string? UpdatedBy { get; set; }
        [JsonProperty("created_at", Required = Required.Always)] public DateTimeOffset CreatedAt { get; set; }
        [JsonProperty("updated_at", Required = Required.Always)] public DateTimeOffset UpdatedAt { get; set; }
        [JsonProperty("attachments", Required = Required.DisallowNull)] public TicketAttachment[] Attachments { get; set; } = Array.Empty<TicketAttachment>();

        /// <summary>Fields this version of CaseOps does not know.</summary>
        [JsonExtensionData] internal IDictionary<string, JToken> AdditionalProperties { get; set; } = new Dictionary<string, JToken>();

        /// <summary>
        /// Fields the server sent that this version of CaseOps does not know, as plain values (strings,
        /// numbers, booleans, dates, arrays, PSCustomObject) by name. A method, not a property, so
        /// ConvertTo-Json, Export-Csv and Export-Clixml leave it out (docs/architecture.md, Output types).
        /// </summary>
        public System.Collections.Specialized.OrderedDictionary GetAdditionalProperties() => CaseOps.Json.PlainJson.ToDictionary(AdditionalProperties);

        public override string ToString() => Subject ?? $"Article {Id}";

        [OnDeserialized]
        private void Link(StreamingContext context)
        {
            // Attachments carry their article and ticket, so they pipe into Save-TicketAttachment alone.
            foreach (var attachment in Attachments)
            {
                attachment.ArticleId = Id;
                attachment.TicketId = TicketId;
            }
        }
    }
}
