using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CaseOps.Incydr.Models
{
    /// <summary>The file the event is about.</summary>
    public sealed class FileEventFile
    {
        [JsonProperty("name")] public string? Name { get; set; }
        [JsonProperty("directory")] public string? Directory { get; set; }
        [JsonProperty("category")] public string? Category { get; set; }
        [JsonProperty("mimeTypeByBytes")] public string? MimeType { get; set; }
        [JsonProperty("sizeInBytes")] public long? SizeInBytes { get; set; }
        [JsonProperty("owner")] public string? Owner { get; set; }
        [JsonProperty("created")] public DateTimeOffset? Created { get; set; }
        [JsonProperty("modified")] public DateTimeOffset? Modified { get; set; }
        [JsonProperty("hash")] public FileEventHash? Hash { get; set; }
        /// <summary>The other fields of this part of the event, as sent.</summary>
        [JsonExtensionData] internal IDictionary<string, JToken> AdditionalProperties { get; set; } = new Dictionary<string, JToken>();

        /// <summary>
        /// Fields the server sent that this version of CaseOps does not know, as plain values (strings,
        /// numbers, booleans, dates, arrays, PSCustomObject) by name. A method, not a property, so
        /// ConvertTo-Json, Export-Csv and Export-Clixml leave it out (docs/architecture.md, Output types).
        /// </summary>
        public System.Collections.Specialized.OrderedDictionary GetAdditionalProperties() => CaseOps.Json.PlainJson.ToDictionary(AdditionalProperties);
        public override string ToString() => (Directory ?? string.Empty) + Name;
    }

    /// <summary>The file's hashes.</summary>
    public sealed class FileEventHash
    {
        [JsonProperty("md5")] public string? Md5 { get; set; }
        [JsonProperty("sha256")] public string? Sha256 { get; set; }
        public override string ToString() => Sha256 ?? Md5 ?? string.Empty;
    }
}
