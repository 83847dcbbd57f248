using System.Net;
using CaseOps.Connections;
using CaseOps.Downloads;
using CaseOps.Generic;
using CaseOps.Http;
using CaseOps.Sandbox;
using CaseOps.Sandbox.Faults;
using CaseOps.Tests.Infrastructure;
using CaseOps.Zammad;
using Xunit;

namespace CaseOps.Tests.Http;

/// <summary>
/// What the API client makes of a request that fails, seen from the engine's services without PowerShell:
/// an answer lost after the server acted, a header that cannot be sent, an answer about another object, a
/// download whose destination is refused, and the answer an HTTP error keeps (docs/architecture.md,
/// "Errors" and "Retries"). The cmdlet tests see the same through their error records; these are the
/// core's own, so the core's mutation run (docs/performance.md, "Mutation testing") needs no runspace.
/// </summary>
public sealed class ApiClientFailureTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private readonly SandboxHost _host = sandbox.ResetHost();

    [Fact]
    public async Task A_merge_whose_answer_was_lost_is_of_unknown_outcome_and_says_how_to_check()
    {
        var tickets = _host.Zammad.Tickets.Snapshot();
        var (source, target) = (tickets[0], tickets[1]);
        _host.Faults.LoseNextAnswers(1, "PUT", "/zammad/api/v1/ticket_merge/");
        using var connection = TestConnections.Zammad(_host);

        var error = await Assert.ThrowsAsync<CaseOpsApiException>(() => new TicketService(connection).MergeAsync(source.Id, target.Number, CancellationToken.None));

        Assert.True(error.OutcomeUnknown);
        Assert.Equal(0, error.StatusCode);
        Assert.Equal(1, _host.Requests.Count("PUT", $"/zammad/api/v1/ticket_merge/{source.Id}/{target.Number}"));
        Assert.StartsWith($"Zammad did not answer PUT ticket_merge/{source.Id}/{target.Number} (", error.Message);
        Assert.DoesNotContain("(Error)", error.Message);   // the transport's own words, not only its status
        Assert.Contains($"). The request may have reached Zammad and taken effect; it is not safe to repeat, so it was not sent again, and its outcome is unknown. Ticket {source.Id} is in the state 'merged' if the merge took effect.", error.Message);
    }

    [Fact]
    public async Task A_raw_POST_whose_answer_was_lost_is_a_failure_to_reach_the_server_without_a_check_to_offer()
    {
        _host.Faults.LoseNextAnswers(1, "POST", "/zammad/api/v1/tags/add");
        using var connection = TestConnections.Zammad(_host);
        var body = """{"object":"Ticket","o_id":1,"item":"lost-answer"}""";

        var error = await Assert.ThrowsAsync<CaseOpsApiException>(() =>
            new RawRequestService(connection).SendAsync(RawRequest.Create("POST", "tags/add", [], body), CancellationToken.None));

        Assert.False(error.OutcomeUnknown);
        Assert.Equal(1, _host.Requests.Count("POST", "/zammad/api/v1/tags/add"));   // not repeated
        Assert.StartsWith("Zammad could not be reached for POST tags/add (", error.Message);
        Assert.DoesNotContain("(Error)", error.Message);
        Assert.DoesNotContain("outcome is unknown", error.Message);
    }

    [Fact]
    public async Task A_token_that_cannot_be_sent_in_a_header_stops_the_request_before_it_leaves()
    {
        await using var stub = new StubServer((_, _) => StubAnswer.Ok());
        var options = new ApiClientOptions(stub.BaseUri) { RetryBaseDelay = TimeSpan.FromMilliseconds(1) };
        using var connection = new ZammadConnection(options, ZammadCredential.FromToken(TestConnections.Secure("line\nbreak")), null);

        var error = await Assert.ThrowsAsync<CaseOpsApiException>(() => StubServer.SendAsync(connection, new CapturingLog(), "GET", "things/1"));

        Assert.Empty(stub.Received);
        Assert.Equal("Authorization", error.InvalidHeader);
        Assert.Equal(0, error.StatusCode);
        Assert.Equal("GET things/1 was not sent to Zammad: the Authorization header, built from the credentials, has a character at position 17 that HTTP headers cannot carry (they carry printable ASCII characters only).", error.Message);
    }

    [Fact]
    public async Task A_login_to_act_for_with_a_line_break_stops_the_request_before_it_leaves()
    {
        await using var stub = new StubServer((_, _) => StubAnswer.Ok());
        var options = new ApiClientOptions(stub.BaseUri) { RetryBaseDelay = TimeSpan.FromMilliseconds(1) };
        using var connection = new ZammadConnection(options, ZammadCredential.FromToken(TestConnections.Secure("stub-token")), "bob\nsmith");

        var error = await Assert.ThrowsAsync<CaseOpsApiException>(() => StubServer.SendAsync(connection, new CapturingLog(), "GET", "things/1"));

        Assert.Empty(stub.Received);
        Assert.Equal("X-On-Behalf-Of", error.InvalidHeader);
        Assert.Equal("GET things/1 was not sent to Zammad: the value 'bob\nsmith' of the X-On-Behalf-Of header has the character U+000A at position 4, which HTTP headers cannot carry (they carry printable ASCII characters only).", error.Message);
    }

    [Fact]
    public async Task A_ticket_answer_about_another_ticket_is_refused()
    {
        _host.Faults.Rewrites.AddJson(AnswerRewrites.Request("GET", "/zammad/api/v1/tickets/5"), json => { json!["id"] = 6; return json; });
        using var connection = TestConnections.Zammad(_host);

        var error = await Assert.ThrowsAsync<CaseOpsApiException>(() => new TicketService(connection).GetAsync(5, expand: true, CancellationToken.None));

        Assert.Equal(200, error.StatusCode);
        Assert.Equal("id", error.Member);
        Assert.Contains("is 6, but 5 was asked for: the answer is about another object", error.Message);
        Assert.Equal(1, _host.Requests.Count("GET", "/zammad/api/v1/tickets/5"));
    }

    [Fact]
    public async Task A_download_whose_file_exists_is_refused_and_the_file_is_kept()
    {
        using var folder = new TestFolder("refused-download");
        var existing = Path.Combine(folder.Path, "evidence.txt");
        File.WriteAllText(existing, "kept");
        await using var stub = new StubServer((_, _) => new StubAnswer(200, "new bytes",
            new Dictionary<string, string> { ["Content-Disposition"] = "attachment; filename=\"evidence.txt\"" }));
        using var connection = stub.Connect();
        using var target = DownloadTarget.Prepare(folder.Path, "attachment", overwrite: false);

        var error = await Assert.ThrowsAsync<DownloadRefusedException>(() =>
            new ArticleService(connection).SaveAttachmentAsync(1, 2, 3, target, new StreamingDownloadProgress(), CancellationToken.None));

        Assert.Equal(DownloadProblem.Exists, error.Problem);
        Assert.Equal(existing, error.Path);
        Assert.Equal("kept", File.ReadAllText(existing));
        Assert.Single(stub.Received);   // refused by the destination: nothing to retry
    }

    [Fact]
    public async Task An_HTTP_error_keeps_the_answer_it_came_with()
    {
        await using var stub = new StubServer((_, _) => new StubAnswer(404, """{"error":"Not found"}"""));
        using var connection = stub.Connect();

        var error = await Assert.ThrowsAsync<CaseOpsApiException>(() => StubServer.SendAsync(connection, new CapturingLog(), "GET", "things/1"));

        Assert.Equal(404, error.StatusCode);
        var response = ApiErrorAnswer.Of(error);
        Assert.NotNull(response);
        Assert.Equal(HttpStatusCode.NotFound, response!.GetType().GetProperty("StatusCode")!.GetValue(response));
    }
}
