using System.Text.RegularExpressions;
using CaseOps.Http;
using CaseOps.Zammad;
using Xunit;

namespace CaseOps.Tests.Http;

/// <summary>
/// What the connection's client says, word for word: the User-Agent it sends, its messages for a 2xx
/// answer without data or without JSON, and its log lines for each attempt and for a repeated delete
/// that found its work done (docs/architecture.md, "Errors" and "Retries").
/// </summary>
public sealed class ApiClientTextTests
{
    private static async Task<(CaseOpsApiException Error, StubRequest Sent)> TicketFailure(string body)
    {
        await using var stub = new StubServer((_, _) => StubAnswer.Ok(body));
        using var connection = stub.Connect();
        var error = await Assert.ThrowsAsync<CaseOpsApiException>(
            () => new TicketService(connection, RequestLog.None).GetAsync(7, expand: true, CancellationToken.None));
        return (error, Assert.Single(stub.Received));
    }

    [Fact]
    public async Task Requests_name_CaseOps_and_its_version_as_the_user_agent()
    {
        await using var stub = new StubServer((_, _) => StubAnswer.Ok());
        using var connection = stub.Connect();

        await StubServer.SendAsync(connection, RequestLog.None, "GET", "things/1");

        var version = typeof(ApiClient).Assembly.GetName().Version!.ToString(3);
        var sent = Assert.Single(stub.Received);
        Assert.Equal("CaseOps/" + version, Assert.Single(sent.Headers, h => h.Key == "User-Agent").Value);
    }

    [Fact]
    public async Task A_2xx_answer_without_a_body_is_an_empty_response()
    {
        var (error, sent) = await TicketFailure("");

        Assert.Equal($"Zammad sent an empty response where data was expected. Request id: {sent.RequestId}.", error.Message);
        Assert.Equal(200, error.StatusCode);
        Assert.Equal("GET", error.Method);
    }

    [Theory]
    [InlineData("<html>", "is not the expected JSON: Unexpected character encountered while parsing value: <. Path '', line 0, position 0")]
    [InlineData("null", "is null where an object is expected")]
    public async Task A_2xx_answer_that_is_no_ticket_names_the_root_and_the_problem(string body, string problem)
    {
        var (error, sent) = await TicketFailure(body);

        Assert.Equal($"Zammad sent an invalid answer to GET /tickets/7?expand=true: the member '(root)' {problem}. Request id: {sent.RequestId}.", error.Message);
        Assert.Equal("(root)", error.Member);
        Assert.Equal(200, error.StatusCode);
    }

    [Fact]
    public async Task Each_attempt_is_logged_with_its_address_status_and_time()
    {
        // The first answer takes the server 80 ms: its line shows at least that.
        await using var stub = new StubServer((_, n) =>
        {
            if (n > 0)
                return StubAnswer.Ok();
            Thread.Sleep(80);
            return new StubAnswer(503);
        });
        using var connection = stub.Connect();
        var log = new CapturingLog(debug: false);

        await StubServer.SendAsync(connection, log, "GET", "things/1");

        var address = Regex.Escape(new Uri(stub.BaseUri, "things/1").ToString());
        var attempts = log.Lines.Where(l => l.Contains(" -> ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, attempts.Count);
        var slow = Regex.Match(attempts[0], $"^V GET {address} -> 503 ServiceUnavailable \\((\\d+) ms\\)$");
        Assert.True(slow.Success, attempts[0]);
        Assert.InRange(int.Parse(slow.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 75, 10_000);
        Assert.Matches($"^V GET {address} -> 200 OK \\(\\d+ ms\\)$", attempts[1]);
    }

    [Fact]
    public async Task A_delete_sent_again_that_finds_the_resource_gone_says_an_earlier_attempt_did_it()
    {
        await using var stub = new StubServer((_, n) => n == 0 ? new StubAnswer(503) : new StubAnswer(404));
        using var connection = stub.Connect();
        var log = new CapturingLog(debug: false);

        await StubServer.SendAsync(connection, log, "DELETE", "things/1");

        Assert.Equal(2, stub.Received.Count);
        Assert.Contains("V DELETE things/1 was sent again and found its work done: an earlier attempt did it", log.Lines);
    }
}
