using System.Text.RegularExpressions;
using CaseOps.Http;
using Xunit;

namespace CaseOps.Tests.Http;

/// <summary>
/// Every attempt carries an X-Request-Id of the client's own, and a failure names the id to quote: the
/// server's when it answered one, else the one sent (docs/architecture.md, "Errors").
/// </summary>
public sealed class RequestIdTests
{
    private static readonly Regex GuidN = new("^[0-9a-f]{32}$");

    [Fact]
    public async Task A_request_carries_a_request_id_of_32_hex_digits()
    {
        await using var stub = new StubServer((_, _) => StubAnswer.Ok());
        using var connection = stub.Connect();

        await StubServer.SendAsync(connection, RequestLog.None, "GET", "things/1");

        Assert.Matches(GuidN, Assert.Single(stub.Received).RequestId);
    }

    [Fact]
    public async Task Each_attempt_of_a_retried_request_carries_a_new_id()
    {
        await using var stub = new StubServer((_, n) => n < 2 ? new StubAnswer(503) : StubAnswer.Ok());
        using var connection = stub.Connect();

        await StubServer.SendAsync(connection, RequestLog.None, "GET", "things/1");

        var ids = stub.Received.Select(r => r.RequestId).ToList();
        Assert.Equal(3, ids.Count);
        Assert.All(ids, id => Assert.Matches(GuidN, id));
        Assert.Equal(3, ids.Distinct().Count());
    }

    [Fact]
    public async Task A_failure_without_the_servers_id_names_the_id_the_last_attempt_sent()
    {
        await using var stub = new StubServer((_, n) => n < 1 ? new StubAnswer(503) : new StubAnswer(400));
        using var connection = stub.Connect();

        var error = await Assert.ThrowsAsync<CaseOpsApiException>(() => StubServer.SendAsync(connection, RequestLog.None, "GET", "things/1"));

        Assert.Equal(2, stub.Received.Count);
        var last = stub.Received.Last().RequestId;
        Assert.Equal(last, error.RequestId);
        Assert.Equal($"Zammad answered 400 BadRequest to GET things/1. Request id: {last}.", error.Message);
    }

    [Fact]
    public async Task A_failure_names_the_servers_own_id_capped_at_200_characters()
    {
        var longId = new string('7', 250);
        await using var stub = new StubServer((_, n) => n == 0
            ? StubAnswer.With(404, "X-Request-Id", "server-id-1")
            : StubAnswer.With(404, "X-Request-Id", longId));
        using var connection = stub.Connect();

        var first = await Assert.ThrowsAsync<CaseOpsApiException>(() => StubServer.SendAsync(connection, RequestLog.None, "GET", "things/1"));
        var second = await Assert.ThrowsAsync<CaseOpsApiException>(() => StubServer.SendAsync(connection, RequestLog.None, "GET", "things/2"));

        Assert.Equal("server-id-1", first.RequestId);
        Assert.Equal("Zammad answered 404 NotFound to GET things/1. Request id: server-id-1.", first.Message);
        Assert.Equal(new string('7', 200) + "… (50 more characters)", second.RequestId);
        Assert.Equal(2, stub.Received.Count);
    }

    [Theory]
    [InlineData("{\"problem\":\"NAME_EXISTS\",\"description\":\"taken\"}", ": NAME_EXISTS taken")]
    [InlineData("{\"problem\":\"NAME_EXISTS\"}", ": NAME_EXISTS")]
    [InlineData("{\"error\":\"invalid\",\"error_human\":\"Title is missing\"}", ": Title is missing")]
    [InlineData("{}", "")]
    public async Task A_failure_message_names_the_status_the_request_the_servers_words_and_the_id(string body, string words)
    {
        await using var stub = new StubServer((_, _) => new StubAnswer(409, body));
        using var connection = stub.Connect();

        var error = await Assert.ThrowsAsync<CaseOpsApiException>(() => StubServer.SendAsync(connection, RequestLog.None, "POST", "things", "{}"));

        var id = Assert.Single(stub.Received).RequestId;
        Assert.Equal($"Zammad answered 409 Conflict to POST things{words}. Request id: {id}.", error.Message);
        Assert.Equal(409, error.StatusCode);
        Assert.Equal("POST", error.Method);
        Assert.Equal("things", error.Resource);
    }

    [Fact]
    public async Task A_request_that_got_no_answer_names_the_id_it_sent()
    {
        using var connection = StubServer.ConnectTo(new Uri($"http://127.0.0.1:{StubServer.FreePort()}/"), o => o.MaxRetries = 1);

        var error = await Assert.ThrowsAsync<CaseOpsApiException>(() => StubServer.SendAsync(connection, RequestLog.None, "GET", "things/1"));

        Assert.Equal(0, error.StatusCode);
        Assert.Matches(GuidN, error.RequestId);
        Assert.StartsWith("Zammad could not be reached for GET things/1 (", error.Message);
        Assert.EndsWith($"). Request id: {error.RequestId}.", error.Message);
    }
}
