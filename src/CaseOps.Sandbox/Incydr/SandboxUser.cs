namespace CaseOps.Sandbox.Incydr;

/// <summary>A person the emulator knows: usable as case subject, assignee, creator or last modifier.</summary>
/// <param name="Uid">User UID; a string of digits, as on the wire.</param>
/// <param name="Username">Login name, e.g. <c>alice@example.com</c>.</param>
public sealed record SandboxUser(string Uid, string Username);
