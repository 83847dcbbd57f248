using System.Diagnostics;
using System.Net;
using CaseOps.Sandbox.Diagnostics;
using Xunit;

namespace CaseOps.Tests.Sandbox;

/// <summary>Fault knobs: scripted failures, random 429/5xx rates, latency, token endpoint exemption.</summary>
public sealed class FaultTests : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly SandboxFixture fixture;

    public FaultTests(SandboxFixture fixture)
    {
        this.fixture = fixture;
        fixture.Host.Faults.Reset();
        fixture.Host.Requests.Clear();
    }

    public void Dispose() => fixture.Host.Faults.Reset();

    [Fact]
    public async Task FailNext_429_answers_the_next_requests_with_retry_after_then_recovers()
    {
        await fixture.TokenAsync();
        fixture.Host.Faults.RetryAfterSeconds = 3;
        fixture.Host.Faults.FailNext(2, 429);

        var first = await fixture.GetAsync("/v1/cases?pgSize=1");
        var second = await fixture.GetAsync("/v1/cases?pgSize=1");
        var third = await fixture.GetAsync("/v1/cases?pgSize=1");

        Assert.Equal(HttpStatusCode.TooManyRequests, first.Status);
        Assert.Equal("3", first.Header("Retry-After"));
        Assert.Equal(HttpStatusCode.TooManyRequests, second.Status);
        Assert.Equal(HttpStatusCode.OK, third.Status);
        Assert.Null(third.Header("Retry-After"));
        Assert.Equal(0, fixture.Host.Faults.PendingFailures);
        Assert.False(string.IsNullOrEmpty(first.Header("X-Request-Id")));
        Assert.Equal([429, 429, 200], fixture.Host.Requests.Entries.Where(e => e.Path == "/v1/cases").Select(e => e.StatusCode));
    }

    [Fact]
    public async Task FailNext_5xx_has_a_spring_style_body_and_queues_in_order()
    {
        await fixture.TokenAsync();
        fixture.Host.Faults.FailNext(1, 500);
        fixture.Host.Faults.FailNext(1, 502);

        var first = await fixture.GetAsync("/v1/cases/1");
        var second = await fixture.GetAsync("/v1/cases/1");
        var third = await fixture.GetAsync("/v1/cases/1");

        Assert.Equal(HttpStatusCode.InternalServerError, first.Status);
        Assert.Equal(["timestamp", "status", "error", "message", "path"], SandboxApi.Keys(first.Json));
        Assert.Equal(500, first.Json.GetProperty("status").GetInt32());
        Assert.Equal("/v1/cases/1", first.Json.GetProperty("path").GetString());
        Assert.Equal(HttpStatusCode.BadGateway, second.Status);
        Assert.Equal(HttpStatusCode.OK, third.Status);
    }

    [Fact]
    public async Task Scripted_faults_hit_requests_without_a_token_too()
    {
        fixture.Host.Faults.FailNext(1, 503);

        var reply = await SandboxApi.SendAsync(fixture.Client, HttpMethod.Get, "/v1/cases", token: null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, reply.Status);
    }

    [Fact]
    public async Task Token_endpoint_is_exempt_unless_asked()
    {
        fixture.Host.Faults.FailNext(1, 503);

        var token = await fixture.NewTokenAsync();
        Assert.Equal(1, fixture.Host.Faults.PendingFailures);

        fixture.Host.Faults.FaultTokenEndpoint = true;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/oauth");
        request.Headers.Authorization = SandboxApi.Basic("caseops-demo", "caseops-demo-secret");
        using var response = await fixture.Client.SendAsync(request);

        Assert.False(string.IsNullOrEmpty(token));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(0, fixture.Host.Faults.PendingFailures);
    }

    [Fact]
    public async Task Rate_of_one_answers_every_api_request_429_with_retry_after()
    {
        var token = await fixture.TokenAsync();
        fixture.Host.Faults.TooManyRequestsRate = 1;

        var replies = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => SandboxApi.SendAsync(fixture.Client, HttpMethod.Get, "/v1/cases?pgSize=1", token)));

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.TooManyRequests, r.Status));
        Assert.All(replies, r => Assert.Equal("1", r.Header("Retry-After")));
        Assert.False(string.IsNullOrEmpty(await fixture.NewTokenAsync()));
    }

    [Fact]
    public async Task Server_error_rate_uses_the_configured_status()
    {
        var token = await fixture.TokenAsync();
        fixture.Host.Faults.ServerErrorRate = 1;
        fixture.Host.Faults.ServerErrorStatus = 504;

        var reply = await SandboxApi.SendAsync(fixture.Client, HttpMethod.Get, "/v1/cases/1", token);

        Assert.Equal(HttpStatusCode.GatewayTimeout, reply.Status);
        Assert.Equal(504, reply.Json.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Random_rates_hit_roughly_their_share_and_repeat_for_the_same_seed()
    {
        var token = await fixture.TokenAsync();
        var faults = fixture.Host.Faults;

        async Task<int[]> RunAsync()
        {
            faults.Reseed(7);
            faults.TooManyRequestsRate = 0.3;
            faults.ServerErrorRate = 0.2;
            var statuses = new int[200];
            for (var i = 0; i < statuses.Length; i++)
            {
                statuses[i] = (int)(await SandboxApi.SendAsync(fixture.Client, HttpMethod.Get, "/v1/cases/1", token)).Status;
            }

            return statuses;
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(first, second);
        Assert.InRange(first.Count(s => s == 429), 35, 85);
        Assert.InRange(first.Count(s => s == 503), 20, 65);
        Assert.InRange(first.Count(s => s == 200), 70, 130);
        Assert.Equal(first.Length, first.Count(s => s is 200 or 429 or 503));
    }

    [Fact]
    public async Task Latency_delays_api_responses()
    {
        var token = await fixture.TokenAsync();
        fixture.Host.Faults.Latency = TimeSpan.FromMilliseconds(400);

        var api = Stopwatch.StartNew();
        var reply = await SandboxApi.SendAsync(fixture.Client, HttpMethod.Get, "/v1/cases/1", token);
        api.Stop();

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.True(api.Elapsed >= TimeSpan.FromMilliseconds(380), $"took only {api.Elapsed}");
    }

    [Fact]
    public async Task Latency_spares_the_token_endpoint()
    {
        fixture.Host.Faults.Latency = TimeSpan.FromSeconds(5);

        var watch = Stopwatch.StartNew();
        var token = await fixture.NewTokenAsync();
        watch.Stop();

        Assert.False(string.IsNullOrEmpty(token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"token took {watch.Elapsed}");
    }

    [Fact]
    public async Task Latency_wait_ends_when_the_client_gives_up()
    {
        var token = await fixture.TokenAsync();
        fixture.Host.Faults.Latency = TimeSpan.FromSeconds(30);
        using var impatient = new HttpClient { BaseAddress = fixture.Host.IncydrBaseUri, Timeout = TimeSpan.FromMilliseconds(300) };

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => SandboxApi.SendAsync(impatient, HttpMethod.Get, "/v1/cases/2", token));
        fixture.Host.Faults.Latency = TimeSpan.Zero;

        // The server notices the disconnect and records the abandoned request without waiting 30 s.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (fixture.Host.Requests.Count(e => e.Path == "/v1/cases/2" && e.StatusCode == RequestLog.ClientClosedRequest) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(1, fixture.Host.Requests.Count(e => e.Path == "/v1/cases/2" && e.StatusCode == RequestLog.ClientClosedRequest));
    }

    [Fact]
    public void Knobs_reject_out_of_range_values()
    {
        var faults = fixture.Host.Faults;

        Assert.Throws<ArgumentOutOfRangeException>(() => faults.TooManyRequestsRate = 1.5);
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.ServerErrorRate = -0.1);
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.FailNext(1, 42));
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.Latency = TimeSpan.FromSeconds(-1));
    }

    [Fact]
    public async Task LoseNextAnswers_lets_the_handler_act_then_cuts_the_connection_before_the_answer()
    {
        var token = await fixture.TokenAsync();
        var before = fixture.Host.Cases.Count;
        fixture.Host.Faults.LoseNextAnswers(1, "post", "/v1/CASES");

        await Assert.ThrowsAnyAsync<HttpRequestException>(() =>
            SandboxApi.SendAsync(fixture.Client, HttpMethod.Post, "/v1/cases", token, new { name = "lost answer" }));
        var unmatched = await fixture.GetAsync("/v1/cases/1");

        Assert.Equal(before + 1, fixture.Host.Cases.Count); // the server acted
        Assert.Equal(HttpStatusCode.OK, unmatched.Status); // other requests are not touched
        Assert.Equal(0, fixture.Host.Faults.PendingLostAnswers);
        Assert.Equal(1, fixture.Host.Requests.Count("POST", "/v1/cases"));

        fixture.Host.Faults.LoseNextAnswers(3, "GET", "/v1/cases");
        fixture.Host.Faults.Reset();
        Assert.Equal(0, fixture.Host.Faults.PendingLostAnswers);
    }

    [Fact]
    public async Task Rewrites_change_the_body_of_matching_answers_only_with_a_matching_length()
    {
        var rewrites = fixture.Host.Faults.Rewrites;
        rewrites.AddJson(CaseOps.Sandbox.Faults.AnswerRewrites.Request("GET", "/v1/cases", ("pgNum", "2")),
            json => { json!["cases"] = null; return json; });
        rewrites.Add(CaseOps.Sandbox.Faults.AnswerRewrites.Request("GET", "/v1/cases/1"), body => body[..10], count: 2);

        var other = await fixture.GetAsync("/v1/cases?pgNum=1&pgSize=2");
        var nulled = await fixture.GetAsync("/v1/cases?pgNum=2&pgSize=2");
        var cut = await fixture.GetAsync("/v1/cases/1");

        Assert.Equal(2, other.Json.GetProperty("cases").GetArrayLength());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, nulled.Json.GetProperty("cases").ValueKind);
        Assert.Equal(HttpStatusCode.OK, cut.Status);
        Assert.Equal(10, cut.Text.Length);
        Assert.Equal(1, rewrites.Pending); // the cut has one use left

        fixture.Host.Faults.Reset();
        Assert.Equal(0, rewrites.Pending);
    }
}
