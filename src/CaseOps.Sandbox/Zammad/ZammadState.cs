using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad;

/// <summary>A ticket state (docs/contracts/zammad.md, Priority and state schemas).</summary>
/// <param name="Id">State id.</param>
/// <param name="StateTypeId">Id of its state type.</param>
/// <param name="Name">Name, e.g. <c>open</c>.</param>
/// <param name="NextStateId">State a pending state moves to, or null.</param>
/// <param name="IgnoreEscalation">Escalation is off in this state.</param>
/// <param name="DefaultCreate">Used when a create names no state.</param>
/// <param name="DefaultFollowUp">Used when a customer follows up.</param>
/// <param name="Active">Inactive states (removed) cannot be chosen in the UI.</param>
/// <param name="CreatedAt">Creation time.</param>
public sealed record ZammadState(
    int Id,
    int StateTypeId,
    string Name,
    int? NextStateId,
    bool IgnoreEscalation,
    bool DefaultCreate,
    bool DefaultFollowUp,
    bool Active,
    DateTime CreatedAt)
{
    /// <summary>Id of the <c>merged</c> state.</summary>
    public const int MergedId = 5;

    /// <summary>Admin note or null.</summary>
    public string? Note { get; init; }

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
        ["state_type_id"] = StateTypeId,
        ["name"] = Name,
        ["next_state_id"] = NextStateId,
        ["ignore_escalation"] = IgnoreEscalation,
        ["default_create"] = DefaultCreate,
        ["default_follow_up"] = DefaultFollowUp,
        ["note"] = Note,
        ["active"] = Active,
        ["updated_by_id"] = UpdatedById,
        ["created_by_id"] = CreatedById,
        ["created_at"] = ZammadTime.Format(CreatedAt),
        ["updated_at"] = ZammadTime.Format(UpdatedAt ?? CreatedAt),
    };
}
