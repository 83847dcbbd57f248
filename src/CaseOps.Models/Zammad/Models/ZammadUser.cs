using System.Collections.Generic;
using System.Management.Automation;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CaseOps.Zammad.Models
{
    /// <summary>A Zammad user (agent or customer).</summary>
    public sealed class ZammadUser
    {
        [JsonConstructor] internal ZammadUser() { }
        [JsonProperty("id")] public long Id { get; set; }
        [JsonProperty("login")] public string Login { get; set; } = string.Empty;
        [JsonProperty("firstname")] public string? FirstName { get; set; }
        [JsonProperty("lastname")] public string? LastName { get; set; }
        [JsonProperty("email")] public string? Email { get; set; }
        [JsonProperty("active")] public bool Active { get; set; } = true;
        [JsonExtensionData, Hidden] public IDictionary<string, JToken> AdditionalProperties { get; set; } = new Dictionary<string, JToken>();
        public override string ToString() => Login;
    }
}
