using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CaseOps.Sandbox;
using Xunit;

namespace CaseOps.Tests.Sandbox;

/// <summary>
/// <c>/_sandbox/requests</c>: the request log and the gateway counts over HTTP, for clients that run the
/// emulator as a process. Each test has a host of its own, since they steer the gateway and latency.
/// </summary>
public sealed class DiagnosticsEndpointTests : IAsyncLifetime
{
    private const string Diagnostics = "/_sandbox/requests";

    private SandboxHost? host;
    private HttpClient? client;

    private SandboxHost Host => host ?? throw new InvalidOperationException("Host not started.");

    private HttpClient Client => client ?? throw new InvalidOperationException("Host not started.");

    public async Task InitializeAsync()
    {
        host = await SandboxHost.StartAsync(new SandboxOptions { CaseCount = 20, TicketCount = 5, SeedAnchorUtc = SandboxFixture.Anchor });
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

    [Fact]
    public async Task Get_lists_the_logged_api_requests_in_order_and_is_not_logged_itself()
    {
        var token = await NewTokenAsync();
        Host.Requests.Clear();

        Assert.Equal(HttpStatusCode.OK, (await SandboxApi.SendAsync(Client, HttpMethod.Get, "/v1/cases?pgNum=1&pgSize=100", token)).Status);
        Assert.Equal(HttpStatusCode.OK, (await SandboxApi.SendAsync(Client, HttpMethod.Get, "/v1/cases/3", token)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SandboxApi.SendAsync(Client, HttpMethod.Get, "/v1/cases", token: null)).Status);

        var first = await ReadAsync();
        var second = await ReadAsync();

        Assert.Equal(["total", "peakInFlight", "rejected", "requests"], SandboxApi.Keys(first));
        Assert.Equal(3, first.GetProperty("total").GetInt32());
        Assert.Equal(1, first.GetProperty("peakInFlight").GetInt32()); // one request at a time
        Assert.Equal(0, first.GetProperty("rejected").GetInt32());
        var requests = first.GetProperty("requests").EnumerateArray().ToArray();
        Assert.All(requests, r => Assert.Equal(["method", "path", "query", "status"], SandboxApi.Keys(r)));
        Assert.Equal(
            [("GET", "/v1/cases", "?pgNum=1&pgSize=100", 200), ("GET", "/v1/cases/3", "", 200), ("GET", "/v1/cases", "", 401)],
            requests.Select(Entry));

        // Reading did not add to the log: the second read sees the same, and so does the host.
        Assert.Equal(3, second.GetProperty("total").GetInt32());
        Assert.Equal(requests.Select(Entry), second.GetProperty("requests").EnumerateArray().Select(Entry));
        Assert.Equal(3, Host.Requests.Total);
    }

    [Fact]
    public async Task Get_answers_at_once_past_the_gateway_and_latency_and_reports_its_counts()
    {
        var token = await NewTokenAsync();
        Host.Requests.Clear();
        Host.Gateway.ResetCounts(); // the token request set the peak; the wait below needs it at 0
        Host.Gateway.MaxInFlightPerClient = 1;
        Host.Faults.Latency = TimeSpan.FromSeconds(3);

        var slowWatch = Stopwatch.StartNew();
        var slow = SandboxApi.SendAsync(Client, HttpMethod.Get, "/v1/cases/1", token);
        await WaitUntilInFlightAsync();
        var refused = await SandboxApi.SendAsync(Client, HttpMethod.Get, "/v1/cases/2", token);

        var watch = Stopwatch.StartNew();
        using var response = await Client.GetAsync(Diagnostics);
        watch.Stop();
        var during = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"diagnostics took {watch.Elapsed}");
        Assert.False(slow.IsCompleted, "the slow request should still be waiting out its latency");
        Assert.Equal(2, during.GetProperty("total").GetInt32());
        Assert.Equal(2, during.GetProperty("peakInFlight").GetInt32()); // the refused one counts
        Assert.Equal(1, during.GetProperty("rejected").GetInt32());
        Assert.Equal(
            [("GET", "/v1/cases/1", "", 0), ("GET", "/v1/cases/2", "", 429)],
            during.GetProperty("requests").EnumerateArray().Select(Entry));

        var slowReply = await slow;
        slowWatch.Stop();
        var after = await ReadAsync();

        Assert.Equal(HttpStatusCode.OK, slowReply.Status);
        Assert.True(slowWatch.Elapsed >= TimeSpan.FromMilliseconds(2900), $"the slow request took only {slowWatch.Elapsed}");
        Assert.Equal(
            [("GET", "/v1/cases/1", "", 200), ("GET", "/v1/cases/2", "", 429)],
            after.GetProperty("requests").EnumerateArray().Select(Entry));
        Assert.Equal(1, after.GetProperty("rejected").GetInt32());
        Assert.Equal(1, Host.Gateway.Rejected);
        Assert.Equal(2, Host.Gateway.PeakInFlight);
    }

    [Fact]
    public async Task Delete_clears_the_log_and_the_gateway_counts_but_keeps_the_limits()
    {
        var token = await NewTokenAsync();
        Host.Gateway.ResetCounts(); // the token request set the peak; the wait below needs it at 0
        Host.Gateway.MaxInFlightPerClient = 1;
        Host.Gateway.RetryAfterSeconds = 4;
        Host.Faults.Latency = TimeSpan.FromSeconds(1);
        Assert.Equal(HttpStatusCode.TooManyRequests, await RefusedBehindASlowRequestAsync(token));

        var before = await ReadAsync();
        Assert.Equal(3, before.GetProperty("total").GetInt32()); // token, slow, refused
        Assert.Equal(2, before.GetProperty("peakInFlight").GetInt32());
        Assert.Equal(1, before.GetProperty("rejected").GetInt32());

        using var cleared = await Client.DeleteAsync(Diagnostics);
        var after = await ReadAsync();

        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Empty(await cleared.Content.ReadAsByteArrayAsync());
        Assert.Equal(0, after.GetProperty("total").GetInt32());
        Assert.Equal(0, after.GetProperty("peakInFlight").GetInt32());
        Assert.Equal(0, after.GetProperty("rejected").GetInt32());
        Assert.Equal(0, after.GetProperty("requests").GetArrayLength());
        Assert.Equal(0, Host.Requests.Total);
        Assert.Equal(1, Host.Gateway.MaxInFlightPerClient);
        Assert.Equal(4, Host.Gateway.RetryAfterSeconds);

        // The limit still acts after the clear, and the counts start again from it.
        Assert.Equal(HttpStatusCode.TooManyRequests, await RefusedBehindASlowRequestAsync(token));
        var again = await ReadAsync();
        Assert.Equal(2, again.GetProperty("total").GetInt32());
        Assert.Equal(2, again.GetProperty("peakInFlight").GetInt32());
        Assert.Equal(1, again.GetProperty("rejected").GetInt32());
    }

    [Fact]
    public async Task Other_verbs_and_paths_are_refused_and_not_logged()
    {
        Host.Requests.Clear();

        using var post = await Client.PostAsync(Diagnostics, content: null);
        using var unknown = await Client.GetAsync("/_sandbox/nothing");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal(["GET", "DELETE"], post.Content.Headers.Allow);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(0, Host.Requests.Total);
        Assert.Equal(0, (await ReadAsync()).GetProperty("total").GetInt32());
    }

    private static (string Method, string Path, string Query, int Status) Entry(JsonElement entry) => (
        entry.GetProperty("method").GetString()!,
        entry.GetProperty("path").GetString()!,
        entry.GetProperty("query").GetString()!,
        entry.GetProperty("status").GetInt32());

    private Task<string> NewTokenAsync() => SandboxApi.NewTokenAsync(Client, Host);

    private async Task<JsonElement> ReadAsync()
    {
        using var response = await Client.GetAsync(Diagnostics);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    // Until the gateway has let a request in (its peak, at 0 before, is then 1), read over the endpoint itself.
    private async Task WaitUntilInFlightAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await ReadAsync()).GetProperty("peakInFlight").GetInt32() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the slow request never reached the gateway");
            await Task.Delay(10);
        }
    }

    // One request waiting out the latency and a second one the gateway refuses meanwhile; the status of the second.
    private async Task<HttpStatusCode> RefusedBehindASlowRequestAsync(string token)
    {
        var slow = SandboxApi.SendAsync(Client, HttpMethod.Get, "/v1/cases/1", token);
        await WaitUntilInFlightAsync();
        var refused = await SandboxApi.SendAsync(Client, HttpMethod.Get, "/v1/cases/2", token);
        Assert.Equal(HttpStatusCode.OK, (await slow).Status);
        return refused.Status;
    }
}
