using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad;

/// <summary>A Zammad user (agent, admin or customer). Immutable; the directory swaps whole records.</summary>
/// <param name="Id">User id (1 is the system user <c>-</c>).</param>
/// <param name="Login">Login name.</param>
/// <param name="Firstname">First name.</param>
/// <param name="Lastname">Last name.</param>
/// <param name="Email">Email address (may be empty for the system user).</param>
/// <param name="Active">Whether the account is active.</param>
/// <param name="RoleIds">Role ids: <see cref="AdminRole"/>, <see cref="AgentRole"/>, <see cref="CustomerRole"/>.</param>
/// <param name="OrganizationId">Organization or null.</param>
/// <param name="CreatedAt">Creation time.</param>
/// <param name="UpdatedAt">Last change.</param>
public sealed record ZammadUser(
    int Id,
    string Login,
    string Firstname,
    string Lastname,
    string Email,
    bool Active,
    IReadOnlyList<int> RoleIds,
    int? OrganizationId,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    /// <summary>Role id of Admin.</summary>
    public const int AdminRole = 1;

    /// <summary>Role id of Agent.</summary>
    public const int AgentRole = 2;

    /// <summary>Role id of Customer.</summary>
    public const int CustomerRole = 3;

    /// <summary>Id of the system user <c>-</c>, also "unassigned" as an owner.</summary>
    public const int SystemId = 1;

    /// <summary>Admins may delete tickets, administer tags and impersonate.</summary>
    public bool IsAdmin => RoleIds.Contains(AdminRole);

    /// <summary>Agents may read and change every ticket.</summary>
    public bool IsAgent => RoleIds.Contains(AgentRole);

    /// <summary>"Firstname Lastname", used as the <c>from</c> of notes.</summary>
    public string FullName => $"{Firstname} {Lastname}".Trim();

    /// <summary>The wire form.</summary>
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["login"] = Login,
        ["firstname"] = Firstname,
        ["lastname"] = Lastname,
        ["email"] = Email,
        ["active"] = Active,
        ["role_ids"] = new JsonArray(RoleIds.Select(r => (JsonNode?)r).ToArray()),
        ["organization_id"] = OrganizationId,
        ["created_at"] = ZammadTime.Format(CreatedAt),
        ["updated_at"] = ZammadTime.Format(UpdatedAt),
    };
}
