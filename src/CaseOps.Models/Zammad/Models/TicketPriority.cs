using Newtonsoft.Json;

namespace CaseOps.Zammad.Models
{
    /// <summary>A ticket priority.</summary>
    public sealed class TicketPriority : ZammadNamedRecord
    {
        [JsonConstructor] internal TicketPriority() { }
        [JsonProperty("default_create")] public bool DefaultCreate { get; set; }
        [JsonProperty("ui_icon")] public string? UiIcon { get; set; }
        [JsonProperty("ui_color")] public string? UiColor { get; set; }
    }
}
