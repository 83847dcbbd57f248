namespace CaseOps.Sandbox.Incydr;

/// <summary>A person the emulator knows: usable as case subject, assignee, creator or last modifier.</summary>
/// <param name="Uid">User UID; a string of digits, as on the wire (<c>userId</c> of <c>/v1/users</c>).</param>
/// <param name="Username">Login name, e.g. <c>alice@example.com</c>.</param>
/// <param name="FirstName">Given name.</param>
/// <param name="LastName">Family name.</param>
/// <param name="Active">False for a deactivated user.</param>
/// <param name="Blocked">True when logins are disabled.</param>
public sealed record SandboxUser(string Uid, string Username, string? FirstName = null, string? LastName = null, bool Active = true, bool Blocked = false);
