using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad;

/// <summary>A ticket priority (docs/contracts/zammad.md, Priority and state schemas).</summary>
/// <param name="Id">Priority id.</param>
/// <param name="Name">Name, e.g. <c>2 normal</c>.</param>
/// <param name="DefaultCreate">Used when a create names no priority.</param>
/// <param name="UiIcon">Icon name.</param>
/// <param name="UiColor">Colour name or null.</param>
/// <param name="CreatedAt">Creation time.</param>
public sealed record ZammadPriority(int Id, string Name, bool DefaultCreate, string UiIcon, string? UiColor, DateTime CreatedAt)
{
    /// <summary>Admin note or null.</summary>
    public string? Note { get; init; }

    /// <summary>Inactive priorities stay on their tickets but are hidden in the UI.</summary>
    public bool Active { get; init; } = true;

    /// <summary>Who created it (seeds: the system user).</summary>
    public int CreatedById { get; init; } = ZammadUser.SystemId;

    /// <summary>Who changed it last.</summary>
    public int UpdatedById { get; init; } = ZammadUser.SystemId;

    /// <summary>Last change; null means never changed (then <see cref="CreatedAt"/>).</summary>
    public DateTime? UpdatedAt { get; init; }

    /// <summary>The wire form.</summary>
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["default_create"] = DefaultCreate,
        ["ui_icon"] = UiIcon,
        ["ui_color"] = UiColor,
        ["note"] = Note,
        ["active"] = Active,
        ["updated_by_id"] = UpdatedById,
        ["created_by_id"] = CreatedById,
        ["created_at"] = ZammadTime.Format(CreatedAt),
        ["updated_at"] = ZammadTime.Format(UpdatedAt ?? CreatedAt),
    };
}
