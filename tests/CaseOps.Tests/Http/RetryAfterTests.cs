using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using CaseOps.Http;
using CaseOps.Incydr;
using CaseOps.Tests.Infrastructure;
using Xunit;

namespace CaseOps.Tests.Http;

/// <summary>
/// The server's Retry-After, in seconds or as an HTTP date, sets the wait before a retry and the pause of
/// the connection, never longer than the connection's MaxRetryDelay (docs/architecture.md, "Retries").
/// </summary>
public sealed class RetryAfterTests : IClassFixture<SandboxFixture>
{
    private static readonly Regex RetryDelay = new(@"^V Retry 1 of \d+ for .* in (\d+\.\d) s after 429 TooManyRequests$");
    private static readonly Regex Pause = new(@"^V \w+ answered 429 with Retry-After: every request of this connection waits (\d+\.\d) s$");
    private readonly SandboxFixture _sandbox;

    public RetryAfterTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
    }

    /// <summary>
    /// <see cref="RetryPipelineFactory.RetryAfter"/> for an answer with this Retry-After (none for null). RestSharp's
    /// types do not reach the tests at compile time (src/CaseOps.Engine/CaseOps.Engine.csproj), so the answer is
    /// built and the method called by reflection.
    /// </summary>
    private static TimeSpan? RetryAfter(string? value, TimeSpan max, string name = "Retry-After")
    {
        var requestType = Type.GetType("RestSharp.RestRequest, RestSharp", throwOnError: true)!;
        var responseType = Type.GetType("RestSharp.RestResponse, RestSharp", throwOnError: true)!;
        var headerType = Type.GetType("RestSharp.HeaderParameter, RestSharp", throwOnError: true)!;
        var response = Activator.CreateInstance(responseType, Activator.CreateInstance(requestType))!;
        var headers = Array.CreateInstance(headerType, value == null ? 1 : 2);
        headers.SetValue(Activator.CreateInstance(headerType, "Content-Type", "application/json", false), 0);
        if (value != null)
            headers.SetValue(Activator.CreateInstance(headerType, name, value, false), 1);
        responseType.GetProperty("Headers")!.SetValue(response, headers);
        var method = typeof(RetryPipelineFactory).GetMethod("RetryAfter", BindingFlags.Static | BindingFlags.NonPublic)!;
        return (TimeSpan?)method.Invoke(null, [response, max]);
    }

    private static readonly TimeSpan Minute = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("7", 60, 7)]
    [InlineData("0", 60, 0)]
    [InlineData("-5", 60, 0)]
    [InlineData("60", 60, 60)]
    [InlineData("61", 60, 60)]
    [InlineData("3600", 1, 1)]
    [InlineData("3600", 60, 60)]
    public void Seconds_are_the_wait_capped_at_the_maximum(string value, int maxSeconds, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryAfter(value, TimeSpan.FromSeconds(maxSeconds)));
    }

    [Fact]
    public void The_header_name_is_read_in_any_letter_case()
    {
        Assert.Equal(TimeSpan.FromSeconds(9), RetryAfter("9", Minute, name: "retry-after"));
        Assert.Equal(TimeSpan.FromSeconds(9), RetryAfter("9", Minute, name: "RETRY-AFTER"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("soon")]
    [InlineData("120s")]
    [InlineData("5 minutes")]
    [InlineData("1.5")]
    [InlineData("12:00")]
    [InlineData("2026-12-04")]
    public void Without_a_usable_value_there_is_no_wait_of_the_server(string? value)
    {
        Assert.Null(RetryAfter(value, Minute));
    }

    [Fact]
    public void An_HTTP_date_is_the_time_left_until_then()
    {
        // An HTTP date has whole seconds: 30 s ahead is between 29 and 30 s from now, less the time this takes.
        var wait = RetryAfter(DateTimeOffset.UtcNow.AddSeconds(30).ToString("R", CultureInfo.InvariantCulture), Minute);

        Assert.NotNull(wait);
        Assert.InRange(wait.Value, TimeSpan.FromSeconds(27), TimeSpan.FromSeconds(30));
    }

    // RFC 9110 5.6.7: a recipient accepts IMF-fixdate and the two obsolete forms, RFC 850 and asctime
    // (whose day of month is padded with a space, so a one-digit day follows two spaces).
    [Theory]
    [InlineData("ddd, dd MMM yyyy HH:mm:ss 'GMT'", 40)]
    [InlineData("dddd, dd-MMM-yy HH:mm:ss 'GMT'", 40)]
    [InlineData("ddd MMM d HH:mm:ss yyyy", 40)]
    [InlineData("ddd MMM d HH:mm:ss yyyy", 3)]
    public void Each_form_of_HTTP_date_is_read(string format, int daysAhead)
    {
        var when = DateTimeOffset.UtcNow.AddDays(daysAhead).AddSeconds(30);
        var text = when.ToString(format, CultureInfo.InvariantCulture);
        if (format.StartsWith("ddd MMM", StringComparison.Ordinal) && when.Day < 10)
            text = text.Replace(" " + when.Day + " ", "  " + when.Day + " ", StringComparison.Ordinal);

        var wait = RetryAfter(text, TimeSpan.FromDays(60));

        Assert.NotNull(wait);
        Assert.InRange(wait.Value, TimeSpan.FromDays(daysAhead).Add(TimeSpan.FromSeconds(27)), TimeSpan.FromDays(daysAhead).Add(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void An_asctime_date_with_a_one_digit_day_is_read()
    {
        // The 5th of a month in asctime form: "Sat Dec  5 11:00:00 2026".
        var fifth = new DateTimeOffset(DateTimeOffset.UtcNow.Year + 1, 1, 5, 11, 0, 0, TimeSpan.Zero);
        var text = fifth.ToString("ddd MMM ", CultureInfo.InvariantCulture) + " 5 " + fifth.ToString("HH:mm:ss yyyy", CultureInfo.InvariantCulture);

        var wait = RetryAfter(text, TimeSpan.FromDays(400));

        Assert.NotNull(wait);
        Assert.InRange(wait.Value, fifth - DateTimeOffset.UtcNow - TimeSpan.FromSeconds(5), fifth - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void An_HTTP_date_beyond_the_maximum_is_capped_and_one_in_the_past_is_no_wait()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), RetryAfter(DateTimeOffset.UtcNow.AddHours(1).ToString("R", CultureInfo.InvariantCulture), TimeSpan.FromSeconds(5)));
        Assert.Equal(TimeSpan.Zero, RetryAfter(DateTimeOffset.UtcNow.AddMinutes(-5).ToString("R", CultureInfo.InvariantCulture), Minute));
        Assert.Equal(TimeSpan.Zero, RetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", Minute));
    }

    [Fact]
    public async Task An_hour_of_Retry_After_from_the_emulator_waits_only_the_connections_maximum()
    {
        _sandbox.Host.Faults.RetryAfterSeconds = 3600;
        _sandbox.Host.Faults.FailNext(1, 429);
        using var connection = TestConnections.Incydr(_sandbox.Host, o => o.MaxRetryDelay = TimeSpan.FromSeconds(1));
        var log = new CapturingLog(debug: false);
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(30));   // an uncapped wait fails the test, not the run

        var watch = Stopwatch.StartNew();
        var found = await new CaseService(connection, log).GetAsync(3, giveUp.Token);

        Assert.Equal(3, found.Number);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(10));
        Assert.Equal(2, _sandbox.Host.Requests.Count("GET", "/v1/cases/3"));
        Assert.Contains("V Retry 1 of 4 for GET /v1/cases/3 in 1.0 s after 429 TooManyRequests", log.Lines);
        Assert.Contains("V Incydr answered 429 with Retry-After: every request of this connection waits 1.0 s", log.Lines);
    }

    [Fact]
    public async Task A_429_with_Retry_After_holds_back_a_request_another_caller_sends_during_the_pause()
    {
        // The second request is sent, through the same connection, at the moment the client has read the
        // 429's Retry-After: it has a slot free, so only the connection's pause can hold it back.
        var arrived = new ConcurrentDictionary<string, long>();
        await using var stub = new StubServer((request, n) =>
        {
            arrived[request.Path] = Stopwatch.GetTimestamp();
            return n == 0 ? StubAnswer.With(429, "Retry-After", "2") : StubAnswer.Ok();
        });
        using var connection = stub.Connect();
        Task<CaseOps.Generic.RawRequestAnswer>? other = null;
        long otherSent = 0;
        var log = new CapturingLog(debug: false, seen: line =>
        {
            if (other != null || !Pause.IsMatch(line))
                return;
            otherSent = Stopwatch.GetTimestamp();
            other = Task.Run(() => StubServer.SendAsync(connection, new CapturingLog(debug: false), "GET", "things/2"));
        });

        await StubServer.SendAsync(connection, log, "GET", "things/1");

        Assert.NotNull(other);
        await other;   // answered: a failure would throw here
        Assert.Equal(3, stub.Received.Count);
        Assert.InRange(Stopwatch.GetElapsedTime(otherSent, arrived["/things/2"]), TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_500_with_Retry_After_waits_before_its_retry_but_does_not_hold_back_the_connection()
    {
        // Only 429 and 503 speak of load; another status's Retry-After is that request's wait alone.
        await using var stub = new StubServer((_, n) => n == 0 ? StubAnswer.With(500, "Retry-After", "1") : StubAnswer.Ok());
        using var connection = stub.Connect(o => o.MaxRetryDelay = TimeSpan.FromMilliseconds(200));
        var log = new CapturingLog(debug: false);

        await StubServer.SendAsync(connection, log, "GET", "things/1");

        Assert.Equal(2, stub.Received.Count);
        Assert.Contains("V Retry 1 of 4 for GET /things/1 in 0.2 s after 500 InternalServerError", log.Lines);
        Assert.DoesNotContain(log.Lines, l => l.Contains("every request of this connection waits", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_HTTP_date_two_seconds_ahead_is_waited_for()
    {
        var until = DateTimeOffset.UtcNow.AddSeconds(2).ToString("R", CultureInfo.InvariantCulture);
        await using var stub = new StubServer((_, n) => n == 0 ? StubAnswer.With(429, "Retry-After", until) : StubAnswer.Ok());
        using var connection = stub.Connect();
        var log = new CapturingLog(debug: false);

        var watch = Stopwatch.StartNew();
        await StubServer.SendAsync(connection, log, "GET", "things/1");
        watch.Stop();

        Assert.Equal(2, stub.Received.Count);
        var waited = Seconds(RetryDelay, log);
        var paused = Seconds(Pause, log);
        Assert.InRange(waited, 0.5, 2.0);   // whole seconds on the wire: 2 s ahead is more than 1 s from now
        Assert.InRange(paused, 0.5, 2.0);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(waited - 0.1), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task An_HTTP_date_an_hour_ahead_waits_only_the_connections_maximum()
    {
        var until = DateTimeOffset.UtcNow.AddHours(1).ToString("R", CultureInfo.InvariantCulture);
        await using var stub = new StubServer((_, n) => n == 0 ? StubAnswer.With(429, "Retry-After", until) : StubAnswer.Ok());
        using var connection = stub.Connect(o => o.MaxRetryDelay = TimeSpan.FromSeconds(1));
        var log = new CapturingLog(debug: false);
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var watch = Stopwatch.StartNew();
        await new CaseOps.Generic.RawRequestService(connection, log).SendAsync(CaseOps.Generic.RawRequest.Create("GET", "things/1", [], null), giveUp.Token);

        Assert.Equal(2, stub.Received.Count);
        Assert.Equal(1.0, Seconds(RetryDelay, log));
        Assert.Equal(1.0, Seconds(Pause, log));
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task An_HTTP_date_in_the_past_retries_at_once_without_pausing_the_connection()
    {
        var past = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("R", CultureInfo.InvariantCulture);
        await using var stub = new StubServer((_, n) => n == 0 ? StubAnswer.With(429, "Retry-After", past) : StubAnswer.Ok());
        using var connection = stub.Connect(o => o.RetryBaseDelay = TimeSpan.FromSeconds(5));

        var log = new CapturingLog(debug: false);
        var watch = Stopwatch.StartNew();
        await StubServer.SendAsync(connection, log, "GET", "things/1");

        Assert.Equal(2, stub.Received.Count);
        Assert.Equal(0.0, Seconds(RetryDelay, log));   // not the 5 s backoff: the server said now
        Assert.DoesNotContain(log.Lines, l => Pause.IsMatch(l));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"took {watch.ElapsedMilliseconds} ms");
    }

    private static double Seconds(Regex line, CapturingLog log)
    {
        var matches = log.Lines.Select(l => line.Match(l)).Where(m => m.Success).ToList();
        Assert.True(matches.Count == 1, string.Join("\n", log.Lines));
        return double.Parse(matches[0].Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
