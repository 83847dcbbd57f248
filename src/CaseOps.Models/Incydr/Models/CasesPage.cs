using Newtonsoft.Json;

namespace CaseOps.Incydr.Models
{
    internal sealed class CasesPage
    {
        [JsonProperty("cases")] public List<Case> Cases { get; set; } = new List<Case>();
        [JsonProperty("totalCount")] public long TotalCount { get; set; }
    }
}
