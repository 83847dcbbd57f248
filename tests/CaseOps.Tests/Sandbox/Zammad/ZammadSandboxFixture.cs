using System.Net;
using System.Text;
using System.Text.Json;
using CaseOps.Sandbox;
using Xunit;

namespace CaseOps.Tests.Sandbox.Zammad;

/// <summary>A response read completely, content headers included (delete answers have no content type).</summary>
public sealed record ZammadReply(HttpStatusCode Status, IReadOnlyDictionary<string, string> Headers, string? ContentType, string Text)
{
    public JsonElement Json => JsonDocument.Parse(Text).RootElement;

    public string? Header(string name) => Headers.GetValueOrDefault(name);

    /// <summary>Asserts a Zammad error body with equal texts.</summary>
    public void AssertError(HttpStatusCode status, string message)
    {
        Assert.Equal(status, Status);
        Assert.Equal(message, Json.GetProperty("error").GetString());
        Assert.Equal(message, Json.GetProperty("error_human").GetString());
    }
}

/// <summary>
/// One emulator per test class with a fixed anchor, plus helpers that call the Zammad API with the
/// admin token by default (pass <c>auth</c> to use another Authorization header, or null for none).
/// </summary>
public class ZammadSandboxFixture : IAsyncLifetime
{
    public static readonly DateTime Anchor = new(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    public const string AdminAuth = "Token token=caseops-demo-zammad-token";

    public const string AgentAuth = "Token token=caseops-demo-agent-token";

    private SandboxHost? host;
    private HttpClient? client;

    public SandboxHost Host => host ?? throw new InvalidOperationException("Fixture not started.");

    public HttpClient Client => client ?? throw new InvalidOperationException("Fixture not started.");

    protected virtual SandboxOptions CreateOptions() => new() { CaseCount = 1, TicketCount = 60, SeedAnchorUtc = Anchor };

    public async Task InitializeAsync()
    {
        host = await SandboxHost.StartAsync(CreateOptions());
        client = new HttpClient { BaseAddress = host.ZammadBaseUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        client?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    public async Task<ZammadReply> SendAsync(HttpMethod method, string path, object? body = null, string? auth = AdminAuth, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        if (auth is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", auth);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        using var response = await Client.SendAsync(request);
        var all = response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new ZammadReply(response.StatusCode, all, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync());
    }

    public Task<ZammadReply> GetAsync(string path, string? auth = AdminAuth) => SendAsync(HttpMethod.Get, path, null, auth);

    public Task<ZammadReply> PostAsync(string path, object? body, string? auth = AdminAuth) => SendAsync(HttpMethod.Post, path, body, auth);

    public Task<ZammadReply> PutAsync(string path, object? body, string? auth = AdminAuth) => SendAsync(HttpMethod.Put, path, body, auth);

    public Task<ZammadReply> DeleteAsync(string path, object? body = null, string? auth = AdminAuth) => SendAsync(HttpMethod.Delete, path, body, auth);

    /// <summary>Creates a ticket over HTTP (group Users, customer bob) and answers its JSON.</summary>
    public async Task<JsonElement> CreateTicketAsync(string title, object? article = null, string? tags = null)
    {
        var reply = await PostAsync("tickets", new Dictionary<string, object?>
        {
            ["title"] = title,
            ["group"] = "Users",
            ["customer"] = "bob@example.com",
            ["article"] = article ?? new { body = "Body of " + title },
            ["tags"] = tags,
        });
        Assert.Equal(HttpStatusCode.Created, reply.Status);
        return reply.Json;
    }

    public static int[] Ids(JsonElement array) => array.EnumerateArray().Select(t => t.GetProperty("id").GetInt32()).ToArray();
}

/// <summary>150 tickets, enough to see the /tickets per_page clamp of 100.</summary>
public sealed class ZammadLargeFixture : ZammadSandboxFixture
{
    protected override SandboxOptions CreateOptions() => new() { CaseCount = 1, TicketCount = 150, SeedAnchorUtc = Anchor };
}
