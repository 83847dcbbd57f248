using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CaseOps.Incydr.Models
{
    /// <summary>
    /// A user of the Incydr tenant, as <c>GET /v1/users</c> and <c>GET /v1/users/{userId}</c> describe it
    /// (docs/contracts/incydr.md, "Users"). A case names people by <see cref="UserId"/>; the cmdlets also
    /// take <see cref="Username"/> or the object itself.
    /// </summary>
    public sealed class IncydrUser
    {
        [JsonConstructor]
        internal IncydrUser()
        {
        }

        /// <summary>The user id cases use for subject and assignee: a string of digits.</summary>
        [JsonProperty("userId", Required = Required.Always)] public string UserId { get; set; } = string.Empty;

        /// <summary>The login name, usually an email address.</summary>
        [JsonProperty("username", Required = Required.Always)] public string Username { get; set; } = string.Empty;

        [JsonProperty("firstName")] public string? FirstName { get; set; }
        [JsonProperty("lastName")] public string? LastName { get; set; }

        /// <summary>False for a deactivated user.</summary>
        [JsonProperty("active")] public bool? Active { get; set; }

        /// <summary>True when logins and restores are disabled for the user.</summary>
        [JsonProperty("blocked")] public bool? Blocked { get; set; }

        [JsonProperty("orgId")] public string? OrgId { get; set; }
        [JsonProperty("orgGuid")] public string? OrgGuid { get; set; }
        [JsonProperty("orgName")] public string? OrgName { get; set; }
        [JsonProperty("notes")] public string? Notes { get; set; }
        [JsonProperty("legacyUserId")] public string? LegacyUserId { get; set; }
        [JsonProperty("legacyOrgId")] public string? LegacyOrgId { get; set; }
        [JsonProperty("creationDate")] public DateTimeOffset? CreationDate { get; set; }
        [JsonProperty("modificationDate")] public DateTimeOffset? ModificationDate { get; set; }

        /// <summary>Fields the server sent that this version of CaseOps does not know.</summary>
        [JsonExtensionData]
        internal IDictionary<string, JToken> AdditionalProperties { get; set; } = new Dictionary<string, JToken>();

        /// <summary>
        /// Fields the server sent that this version of CaseOps does not know, as plain values by name. A method,
        /// not a property, so ConvertTo-Json, Export-Csv and Export-Clixml leave it out (docs/architecture.md, Output types).
        /// </summary>
        public System.Collections.Specialized.OrderedDictionary GetAdditionalProperties() => CaseOps.Json.PlainJson.ToDictionary(AdditionalProperties);

        public override string ToString() => Username;
    }
}
