using System.Diagnostics;
using System.Security;
using CaseOps.Connections;
using CaseOps.Http;
using CaseOps.Incydr;
using CaseOps.Incydr.Models;
using CaseOps.Paging;
using CaseOps.Tests.Infrastructure;
using Xunit;

namespace CaseOps.Tests.Http;

/// <summary>The Http core and CaseService used from C# alone, against the emulator.</summary>
public sealed class HttpCoreTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public HttpCoreTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
    }

    private IncydrConnection Connect(Action<ApiClientOptions>? configure = null) => TestConnections.Incydr(_sandbox.Host, configure);

    [Fact]
    public async Task Logs_show_bodies_at_debug_but_never_the_token_or_secret()
    {
        using var connection = Connect();
        var log = new CapturingLog();
        var service = new CaseService(connection, log);

        var created = await service.CreateAsync(new CaseChanges { Name = "Debug log " + Guid.NewGuid().ToString("N")[..6], Description = "body text" }, CancellationToken.None);
        var token = (await connection.Tokens.GetTokenAsync(RequestLog.None, CancellationToken.None)).AccessToken;

        Assert.Contains(log.Lines, l => l.StartsWith("D Request body:") && l.Contains("body text"));
        Assert.Contains(log.Lines, l => l.StartsWith("D Response body:") && l.Contains(created.Number.ToString()));
        Assert.Contains(log.Lines, l => l.StartsWith("V POST ") && l.Contains("/v1/oauth"));
        Assert.DoesNotContain(log.Lines, l => l.Contains(token));
        Assert.DoesNotContain(log.Lines, l => l.Contains(_sandbox.Host.Options.ClientSecret));
        Assert.DoesNotContain(log.Lines, l => l.Contains("access_token\":\"e"));
    }

    [Fact]
    public void Redactor_masks_credential_fields()
    {
        var text = SecretRedactor.Redact("{\"access_token\":\"abc.def\",\"name\":\"x\",\"password\": \"p\"} client_secret=s3&x=1");

        Assert.DoesNotContain("abc.def", text);
        Assert.DoesNotContain("\"p\"", text);
        Assert.DoesNotContain("s3", text);
        Assert.Contains("\"name\":\"x\"", text);
    }

    [Fact]
    public async Task Retry_After_from_the_server_sets_the_wait()
    {
        _sandbox.Host.Faults.RetryAfterSeconds = 1;
        _sandbox.Host.Faults.FailNext(1, 429);
        using var connection = Connect(o => o.RetryBaseDelay = TimeSpan.FromMilliseconds(1));
        await connection.Tokens.GetTokenAsync(RequestLog.None, CancellationToken.None);
        var log = new CapturingLog();

        var watch = Stopwatch.StartNew();
        var found = await new CaseService(connection, log).GetAsync(3, CancellationToken.None);

        Assert.Equal(3, found.Number);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {watch.ElapsedMilliseconds} ms, before Retry-After");
        Assert.Contains(log.Lines, l => l.Contains("Retry 1 of 4") && l.Contains("in 1.0 s") && l.Contains("429"));
    }

    [Fact]
    public async Task Transport_failures_are_retried_then_reported_with_status_zero()
    {
        var port = StubServer.FreePort();
        using var connection = new IncydrConnection(
            new ApiClientOptions(new Uri($"http://127.0.0.1:{port}/")) { RetryBaseDelay = TimeSpan.FromMilliseconds(1), MaxRetries = 2 },
            "id", new SecureString());
        var log = new CapturingLog();

        var error = await Assert.ThrowsAsync<CaseOpsApiException>(() => new CaseService(connection, log).GetAsync(1, CancellationToken.None));

        Assert.Equal(0, error.StatusCode);
        Assert.Contains("could not be reached", error.Message);
        Assert.Equal(2, log.Lines.Count(l => l.Contains("Retry ")));
    }

    [Fact]
    public async Task A_raw_request_that_reached_nothing_throws_instead_of_returning_an_answer()
    {
        // The raw form returns error statuses as answers; a transport failure has no answer to return.
        using var connection = StubServer.ConnectTo(new Uri($"http://127.0.0.1:{StubServer.FreePort()}/"), o => o.MaxRetries = 1);

        var error = await Assert.ThrowsAsync<CaseOpsApiException>(
            () => new CaseOps.Generic.RawRequestService(connection).SendRawAsync(CaseOps.Generic.RawRequest.Create("GET", "things/1", [], null), CancellationToken.None));

        Assert.Equal(0, error.StatusCode);
        Assert.Null(ApiErrorAnswer.Of(error));
        Assert.StartsWith("Zammad could not be reached for GET things/1 (", error.Message);
    }

    [Fact]
    public async Task A_slow_answer_beyond_the_timeout_is_a_timeout_failure()
    {
        _sandbox.Host.Faults.Latency = TimeSpan.FromSeconds(3);
        using var connection = Connect(o => { o.Timeout = TimeSpan.FromMilliseconds(300); o.MaxRetries = 1; });
        _sandbox.Host.Faults.Latency = TimeSpan.Zero;
        await connection.Tokens.GetTokenAsync(RequestLog.None, CancellationToken.None);
        _sandbox.Host.Faults.Latency = TimeSpan.FromSeconds(3);

        var error = await Assert.ThrowsAsync<CaseOpsApiException>(() => new CaseService(connection).GetAsync(1, CancellationToken.None));

        Assert.Equal(0, error.StatusCode);
        Assert.Equal(2, _sandbox.Host.Requests.Count("GET", "/v1/cases/1"));
    }

    [Fact]
    public async Task Cancelling_a_call_cancels_the_request()
    {
        _sandbox.Host.Faults.Latency = TimeSpan.FromSeconds(5);
        using var connection = Connect();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new CaseService(connection).GetAsync(1, cts.Token));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void Unknown_fields_from_the_server_are_kept()
    {
        // The emulator sends only known keys, so the wire shape of a newer server is written out here.
        var json = "{\"number\":5,\"name\":\"n\",\"status\":\"OPEN\",\"createdAt\":\"2025-03-04T09:15:27.481920Z\",\"updatedAt\":\"2025-03-04T09:15:27.481920Z\",\"riskTier\":3}";

        var parsed = Newtonsoft.Json.JsonConvert.DeserializeObject<Case>(json, NewtonsoftRestSerializer.Settings)!;

        Assert.Equal(5, parsed.Number);
        Assert.Equal(3, (int)parsed.AdditionalProperties["riskTier"]);
        Assert.Contains("\"riskTier\":3", Newtonsoft.Json.JsonConvert.SerializeObject(parsed, NewtonsoftRestSerializer.Settings));
    }

    [Fact]
    public async Task Service_listing_streams_the_emulator_cases_in_order()
    {
        using var connection = Connect();
        var stream = new CaseService(connection).List(new CaseFilter { Descending = true }, new PageStreamOptions { PageSize = 60 });

        var numbers = new List<long>();
        await foreach (var c in stream)
            numbers.Add(c.Number);

        Assert.Equal(_sandbox.Host.Cases.Snapshot().Select(c => c.Number).OrderByDescending(n => n), numbers);
        Assert.Equal(_sandbox.Host.Cases.Count, stream.TotalCount);
    }

    [Fact]
    public async Task One_connection_serves_many_threads_with_one_token()
    {
        using var connection = Connect();
        _sandbox.Host.Requests.Clear();

        var numbers = await Task.WhenAll(Enumerable.Range(1, 24).Select(n =>
            Task.Run(async () => (await new CaseService(connection).GetAsync(n, CancellationToken.None)).Number)));

        Assert.Equal(Enumerable.Range(1, 24).Select(n => (long)n), numbers);
        Assert.Equal(1, _sandbox.Host.Requests.Count("POST", "/v1/oauth"));
    }
}
