namespace CaseOps.Sandbox.Zammad;

/// <summary>The secrets the emulator accepts and the user each one stands for.</summary>
/// <param name="Tokens">API token → user id.</param>
/// <param name="Login">Basic-auth login of the admin (its email works too).</param>
/// <param name="Password">Basic-auth password of the admin.</param>
public sealed record ZammadCredentials(IReadOnlyDictionary<string, int> Tokens, string Login, string Password)
{
    /// <summary>Builds the table from the start-up options.</summary>
    public static ZammadCredentials From(SandboxOptions options)
    {
        var tokens = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            [options.ZammadAgentToken] = ZammadUserDirectory.AgentSmithId,
            [options.ZammadToken] = ZammadUserDirectory.AdminId,
        };
        return new ZammadCredentials(tokens, options.ZammadLogin, options.ZammadPassword);
    }
}
