using System.Globalization;
using System.Text.RegularExpressions;
using CaseOps.Http;
using Xunit;

namespace CaseOps.Tests.Http;

/// <summary>
/// The retry pipeline as a connection builds it: exponential backoff spread by jitter, a retry line that
/// says what failed, no retry once the caller has cancelled, and only 2xx as success (docs/architecture.md,
/// "Retries").
/// </summary>
public sealed class RetryBackoffTests
{
    private static readonly Regex RetryAfter503 = new(@"^V Retry 1 of 1 for GET /things/1 in (\d+\.\d) s after 503 ServiceUnavailable$");

    [Fact]
    public async Task Waits_before_a_retry_are_spread_by_jitter()
    {
        // A base delay of an hour: each wait is logged before it starts, and the test cancels it then.
        // Without jitter every first wait would be exactly the base delay, 3600.0 s.
        await using var stub = new StubServer((_, _) => new StubAnswer(503));
        using var connection = stub.Connect(o =>
        {
            o.MaxRetries = 1;
            o.RetryBaseDelay = TimeSpan.FromHours(1);
            o.MaxRetryDelay = TimeSpan.FromDays(1);
        });
        var waits = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var log = new CapturingLog(debug: false, seen: line =>
            {
                if (line.StartsWith("V Retry ", StringComparison.Ordinal))
                    stop.Cancel();
            });

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => StubServer.SendAsync(connection, log, "GET", "things/1", cancellationToken: stop.Token));

            var line = Assert.Single(log.Lines, l => l.StartsWith("V Retry ", StringComparison.Ordinal));
            var match = RetryAfter503.Match(line);
            Assert.True(match.Success, line);
            waits.Add(double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
        }

        Assert.Equal(5, stub.Received.Count);   // one attempt each: every wait was cancelled
        Assert.All(waits, w => Assert.InRange(w, 0.1, 86400.0));
        Assert.True(waits.Distinct().Count() > 1, "the same wait five times: " + string.Join(", ", waits));
    }

    [Fact]
    public async Task A_retry_after_a_transport_failure_names_the_failure()
    {
        var port = StubServer.FreePort();
        using var connection = StubServer.ConnectTo(new Uri($"http://127.0.0.1:{port}/"), o => o.MaxRetries = 1);
        var log = new CapturingLog(debug: false);

        var error = await Assert.ThrowsAsync<CaseOpsApiException>(() => StubServer.SendAsync(connection, log, "GET", "things/1"));

        Assert.Equal(0, error.StatusCode);
        var failure = Assert.IsAssignableFrom<System.Net.Http.HttpRequestException>(error.InnerException);
        Assert.Contains($"V Retry 1 of 1 for GET /things/1 in 0.0 s after Error: {failure.Message}", log.Lines);
    }

    [Fact]
    public async Task A_call_cancelled_while_its_answer_arrives_is_not_retried()
    {
        // The answer (a 503, worth a retry) is in; the caller cancels before the pipeline decides.
        await using var stub = new StubServer((_, _) => new StubAnswer(503));
        using var connection = stub.Connect(o => o.MaxRetries = 3);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var log = new CapturingLog(debug: false, seen: line =>
        {
            if (line.Contains(" -> 503 ServiceUnavailable", StringComparison.Ordinal))
                stop.Cancel();
        });

        var error = await Record.ExceptionAsync(() => StubServer.SendAsync(connection, log, "GET", "things/1", cancellationToken: stop.Token));

        Assert.Equal(503, Assert.IsType<CaseOpsApiException>(error).StatusCode);   // the answer that came, not a retry's
        Assert.Single(stub.Received);
        Assert.DoesNotContain(log.Lines, l => l.StartsWith("V Retry ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(299, true)]
    [InlineData(300, false)]
    [InlineData(399, false)]
    public async Task Only_2xx_is_success(int status, bool success)
    {
        await using var stub = new StubServer((_, _) => new StubAnswer(status, "{\"id\":1}"));
        using var connection = stub.Connect();

        var error = await Record.ExceptionAsync(() => StubServer.SendAsync(connection, new CapturingLog(debug: false), "GET", "things/1"));

        Assert.Single(stub.Received);   // an error status outside 429 and 5xx is not retried either
        if (success)
            Assert.Null(error);
        else
            Assert.Equal(status, Assert.IsType<CaseOpsApiException>(error).StatusCode);
    }
}
