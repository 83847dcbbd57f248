using Newtonsoft.Json;

namespace CaseOps.Incydr.Models
{
    internal sealed class CasesPage
    {
        [JsonProperty("cases", Required = Required.Always)] public List<Case> Cases { get; set; } = new List<Case>();
        [JsonProperty("totalCount", Required = Required.Always)] public long TotalCount { get; set; }
    }
}
