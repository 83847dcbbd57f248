using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CaseOps.Zammad.Models
{
    /// <summary>A file attached to an article; pipes into Save-TicketAttachment.</summary>
    public sealed class TicketAttachment
    {
        [JsonConstructor] internal TicketAttachment() { }

        [JsonProperty("id", Required = Required.Always)] public long Id { get; set; }
        [JsonIgnore] public long ArticleId { get; internal set; }
        [JsonIgnore] public long TicketId { get; internal set; }
        [JsonProperty("filename", Required = Required.Always)] public string FileName { get; set; } = string.Empty;

        /// <summary>Size in bytes (Zammad sends it as a string).</summary>
        [JsonIgnore] public long? Size { get; private set; }

        [JsonIgnore] public string? MimeType { get; private set; }

        [JsonProperty("size")]
        private string? SizeText
        {
            get => Size?.ToString(CultureInfo.InvariantCulture);
            // A size that is not a whole number of bytes is a broken answer, not an unknown size.
            set => Size = value == null ? (long?)null
                : long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size
                : throw new JsonSerializationException("size \"" + value + "\" is not a number of bytes.");
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
