using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad;

/// <summary>A ticket group.</summary>
/// <param name="Id">Group id.</param>
/// <param name="Name">Group name.</param>
/// <param name="Note">Free text or null.</param>
/// <param name="CreatedAt">Creation time.</param>
public sealed record ZammadGroup(int Id, string Name, string? Note, DateTime CreatedAt)
{
    /// <summary>The wire form (the usual keys of a real group, fixed values where the emulator has no behaviour).</summary>
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["assignment_timeout"] = null,
        ["follow_up_possible"] = "yes",
        ["follow_up_assignment"] = true,
        ["email_address_id"] = null,
        ["signature_id"] = null,
        ["note"] = Note,
        ["active"] = true,
        ["shared_drafts"] = true,
        ["updated_by_id"] = ZammadUser.SystemId,
        ["created_by_id"] = ZammadUser.SystemId,
        ["created_at"] = ZammadTime.Format(CreatedAt),
        ["updated_at"] = ZammadTime.Format(CreatedAt),
    };
}
