using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad;

/// <summary>A ticket priority (contract §4.10).</summary>
/// <param name="Id">Priority id.</param>
/// <param name="Name">Name, e.g. <c>2 normal</c>.</param>
/// <param name="DefaultCreate">Used when a create names no priority.</param>
/// <param name="UiIcon">Icon name.</param>
/// <param name="UiColor">Colour name or null.</param>
/// <param name="CreatedAt">Creation time.</param>
public sealed record ZammadPriority(int Id, string Name, bool DefaultCreate, string UiIcon, string? UiColor, DateTime CreatedAt)
{
    /// <summary>The wire form.</summary>
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["default_create"] = DefaultCreate,
        ["ui_icon"] = UiIcon,
        ["ui_color"] = UiColor,
        ["note"] = null,
        ["active"] = true,
        ["updated_by_id"] = ZammadUser.SystemId,
        ["created_by_id"] = ZammadUser.SystemId,
        ["created_at"] = ZammadTime.Format(CreatedAt),
        ["updated_at"] = ZammadTime.Format(CreatedAt),
    };
}
