using System.Net.Http.Headers;
using System.Text.Json;
using Xunit;

namespace CaseOps.Tests.Infrastructure;

/// <summary>
/// Like <see cref="CmdletTestBase"/> for Zammad: a class-wide emulator, a fresh runspace per test
/// connected with the admin token, and a plain HTTP probe to read the emulator's state without
/// going through the module under test.
/// </summary>
public abstract class ZammadCmdletTestBase : IClassFixture<SandboxFixture>, IDisposable
{
    private HttpClient? _probe;

    protected ZammadCmdletTestBase(SandboxFixture sandbox, bool connect = true)
    {
        Sandbox = sandbox;
        Sandbox.Reset();
        if (connect)
        {
            Session.ConnectZammad(sandbox.Host).AssertSuccess();
            Sandbox.Host.Requests.Clear();
        }
    }

    protected SandboxFixture Sandbox { get; }

    protected PowerShellSession Session { get; } = new();

    /// <summary>Requests the module sent to Zammad with this method and path (below the API base).</summary>
    protected int Sent(string method, string pathPrefix) =>
        Sandbox.Host.Requests.Count(e => e.Method == method && e.Path.StartsWith("/zammad/api/v1/" + pathPrefix, StringComparison.Ordinal));

    /// <summary>Requests that change something (POST, PUT, DELETE).</summary>
    protected int Changes => Sandbox.Host.Requests.Count(e => e.Method is "POST" or "PUT" or "DELETE" && e.Path.StartsWith("/zammad/", StringComparison.Ordinal));

    /// <summary>GETs <paramref name="path"/> (relative to the API base) with the admin token, bypassing the module.</summary>
    protected JsonElement Read(string path)
    {
        _probe ??= new HttpClient { BaseAddress = Sandbox.Host.ZammadBaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", "token=" + Sandbox.Host.Options.ZammadToken);
        using var response = _probe.Send(request);
        var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} -> {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The emulator's copy of a ticket, or null when it is gone.</summary>
    protected JsonElement? ReadTicket(long id)
    {
        _probe ??= new HttpClient { BaseAddress = Sandbox.Host.ZammadBaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"tickets/{id}?expand=true");
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", "token=" + Sandbox.Host.Options.ZammadToken);
        using var response = _probe.Send(request);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            return null;
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult()).RootElement.Clone();
    }

    protected string[] TagsOf(long ticketId) =>
        Read($"tags?object=Ticket&o_id={ticketId}").GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToArray();

    public virtual void Dispose()
    {
        _probe?.Dispose();
        Session.Dispose();
        GC.SuppressFinalize(this);
    }
}
