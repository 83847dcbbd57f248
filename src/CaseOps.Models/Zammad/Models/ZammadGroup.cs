using Newtonsoft.Json;

namespace CaseOps.Zammad.Models
{
    /// <summary>A ticket group.</summary>
    public sealed class ZammadGroup : ZammadNamedRecord
    {
        [JsonConstructor] internal ZammadGroup() { }
    }
}
