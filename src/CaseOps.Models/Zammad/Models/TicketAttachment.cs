using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CaseOps.Zammad.Models
{
    /// <summary>A file attached to an article; pipes into Save-TicketAttachment.</summary>
    public sealed class TicketAttachment
    {
        [JsonConstructor] internal TicketAttachment() { }

        [JsonProperty("id")] public long Id { get; set; }
        [JsonIgnore] public long ArticleId { get; internal set; }
        [JsonIgnore] public long TicketId { get; internal set; }
        [JsonProperty("filename")] public string FileName { get; set; } = string.Empty;

        /// <summary>Size in bytes (Zammad sends it as a string).</summary>
        [JsonIgnore] public long? Size { get; private set; }

        [JsonIgnore] public string? MimeType { get; private set; }

        [JsonProperty("size")]
        private string? SizeText
        {
            get => Size?.ToString(CultureInfo.InvariantCulture);
            set => Size = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : (long?)null;
        }

        [JsonProperty("preferences")]
        private JObject? Preferences
        {
            get => MimeType == null ? null : new JObject { ["Mime-Type"] = MimeType };
            set => MimeType = value?["Mime-Type"]?.Value<string>() ?? value?["Content-Type"]?.Value<string>();
        }

        public override string ToString() => FileName;
    }
}
