using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CaseOps.Zammad.Models
{
    /// <summary>A Zammad user (agent or customer).</summary>
    public sealed class ZammadUser
    {
        [JsonConstructor] internal ZammadUser() { }
        [JsonProperty("id", Required = Required.Always)] public long Id { get; set; }
        [JsonProperty("login", Required = Required.Always)] public string Login { get; set; } = string.Empty;
        [JsonProperty("firstname")] public string? FirstName { get; set; }
        [JsonProperty("lastname")] public string? LastName { get; set; }
        [JsonProperty("email")] public string? Email { get; set; }
        [JsonProperty("active", Required = Required.DisallowNull)] public bool Active { get; set; } = true;
        [JsonExtensionData] internal IDictionary<string, JToken> AdditionalProperties { get; set; } = new Dictionary<string, JToken>();

        /// <summary>
        /// Fields the server sent that this version of CaseOps does not know, as plain values (strings,
        /// numbers, booleans, dates, arrays, PSCustomObject) by name. A method, not a property, so
        /// ConvertTo-Json, Export-Csv and Export-Clixml leave it out (docs/architecture.md, Output types).
        /// </summary>
        public System.Collections.Specialized.OrderedDictionary GetAdditionalProperties() => CaseOps.Json.PlainJson.ToDictionary(AdditionalProperties);
        public override string ToString() => Login;
    }
}
