using System.Net.Http.Headers;
using CaseOps.Sandbox;
using Xunit;

namespace CaseOps.Tests.Sandbox;

/// <summary>
/// Starts one emulator per test class on 127.0.0.1 with a free port, with a small fixed data set
/// (200 cases, fixed anchor so timestamps are the same on every run).
/// </summary>
public class SandboxFixture : IAsyncLifetime
{
    /// <summary>Anchor of the seeded timestamps.</summary>
    public static readonly DateTime Anchor = new(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    private SandboxHost? host;
    private HttpClient? client;
    private string? token;

    public SandboxHost Host => host ?? throw new InvalidOperationException("Fixture not started.");

    /// <summary>Client without credentials; tests add the Authorization header per request.</summary>
    public HttpClient Client => client ?? throw new InvalidOperationException("Fixture not started.");

    protected virtual SandboxOptions CreateOptions() => new() { CaseCount = 200, SeedAnchorUtc = Anchor };

    public async Task InitializeAsync()
    {
        host = await SandboxHost.StartAsync(CreateOptions());
        client = new HttpClient { BaseAddress = host.IncydrBaseUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        client?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>Gets a fresh token over HTTP.</summary>
    public Task<string> NewTokenAsync() => SandboxApi.NewTokenAsync(Client, Host);

    /// <summary>A valid token, reused until the host stops accepting it.</summary>
    public async Task<string> TokenAsync()
    {
        var current = token;
        if (current is null || !Host.Tokens.IsValid(current))
        {
            current = token = await NewTokenAsync();
        }

        return current;
    }

    /// <summary>Sends a request with a valid bearer token.</summary>
    public async Task<ApiReply> SendAsync(HttpMethod method, string path, object? body = null, string? rawBody = null) =>
        await SandboxApi.SendAsync(Client, method, path, await TokenAsync(), body, rawBody);

    public Task<ApiReply> GetAsync(string path) => SendAsync(HttpMethod.Get, path);
}

/// <summary>100,000 seeded cases.</summary>
public sealed class LargeSandboxFixture : SandboxFixture
{
    protected override SandboxOptions CreateOptions() => new() { CaseCount = 100_000, SeedAnchorUtc = Anchor };
}
