using System.Security;
using CaseOps.Connections;
using CaseOps.Http;
using CaseOps.Sandbox;

namespace CaseOps.Tests.Http;

/// <summary>Connections made from C# alone, with quick retries, for the Http core's tests.</summary>
internal static class TestConnections
{
    /// <summary>An Incydr connection to the emulator with its API client (or another secret).</summary>
    public static IncydrConnection Incydr(SandboxHost host, Action<ApiClientOptions>? configure = null, string? secret = null) =>
        Incydr(host.IncydrBaseUri, host.Options.ClientId, secret ?? host.Options.ClientSecret, configure);

    public static IncydrConnection Incydr(Uri address, string clientId, string secret, Action<ApiClientOptions>? configure = null)
    {
        var options = new ApiClientOptions(address) { RetryBaseDelay = TimeSpan.FromMilliseconds(10) };
        configure?.Invoke(options);
        return new IncydrConnection(options, clientId, Secure(secret));
    }

    /// <summary>A Zammad connection to the emulator with its API token and quick retries.</summary>
    public static ZammadConnection Zammad(SandboxHost host) =>
        new(new ApiClientOptions(host.ZammadBaseUri) { RetryBaseDelay = TimeSpan.FromMilliseconds(1) },
            ZammadCredential.FromToken(Secure(host.Options.ZammadToken)), null);

    public static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text)
            secure.AppendChar(c);
        return secure;
    }
}
