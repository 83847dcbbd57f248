namespace CaseOps.Sandbox.Incydr;

/// <summary>
/// A user of <c>GET /v1/users</c> and <c>GET /v1/users/{userId}</c> (docs/contracts/incydr.md, "Users"), every
/// key always written, in the order Code42's SDK documents them. The legacy ids and notes are null: the
/// emulator has no console-era ids.
/// </summary>
public sealed class UserJson
{
    // Every seeded user joined the tenant a day apart from this instant; fixed, so answers are the same each run.
    private static readonly DateTime FirstJoined = new(2024, 1, 8, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>Maps a user and its position in the directory (which fixes its dates).</summary>
    public UserJson(SandboxUser user, int position)
    {
        UserId = user.Uid;
        Username = user.Username;
        FirstName = user.FirstName;
        LastName = user.LastName;
        Active = user.Active;
        Blocked = user.Blocked;
        CreationDate = IsoInstant.Format(FirstJoined.AddDays(position));
        ModificationDate = IsoInstant.Format(FirstJoined.AddDays(position).AddHours(3));
    }

    /// <summary>Console-era user id; none in the emulator.</summary>
    public string? LegacyUserId => null;

    /// <summary>User UID, the id cases use.</summary>
    public string UserId { get; }

    /// <summary>Login name.</summary>
    public string Username { get; }

    /// <summary>Given name.</summary>
    public string? FirstName { get; }

    /// <summary>Family name.</summary>
    public string? LastName { get; }

    /// <summary>Console-era org id; none in the emulator.</summary>
    public string? LegacyOrgId => null;

    /// <summary>The tenant's one organization.</summary>
    public string OrgId => "1001";

    /// <summary>The organization's guid.</summary>
    public string OrgGuid => "caseops-sandbox-org";

    /// <summary>The organization's name.</summary>
    public string OrgName => "Example Corp";

    /// <summary>Notes; none in the emulator.</summary>
    public string? Notes => null;

    /// <summary>False for a deactivated user.</summary>
    public bool Active { get; }

    /// <summary>True when logins are disabled.</summary>
    public bool Blocked { get; }

    /// <summary>When the user was created.</summary>
    public string CreationDate { get; }

    /// <summary>When the user was last changed.</summary>
    public string ModificationDate { get; }
}

/// <summary>UsersPage envelope.</summary>
/// <param name="Users">The users of this page.</param>
/// <param name="TotalCount">All matches of the query.</param>
public sealed record UsersPageJson(IReadOnlyList<UserJson> Users, long TotalCount);
