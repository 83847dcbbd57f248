using System.Management.Automation;
using CaseOps.Connections;
using CaseOps.Http;
using CaseOps.Tests.Infrastructure;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;
using Xunit;

namespace CaseOps.Tests.Cmdlets.Zammad;

/// <summary>
/// Each request's repeat policy (docs/architecture.md, "Retries") when the emulator acts on a request
/// and then drops the connection before answering.
/// </summary>
public sealed class RetrySafetyTests : ZammadCmdletTestBase
{
    public RetrySafetyTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private sealed class CountingLog : IRequestLog
    {
        private int _retries;
        public int Retries => _retries;
        public void Verbose(string message)
        {
            if (message.StartsWith("Retry ", StringComparison.Ordinal))
                Interlocked.Increment(ref _retries);
        }
        public void Debug(string message) { }
        public bool IsDebugEnabled => false;
    }

    private ZammadConnection Connect(Uri baseUri) =>
        new(new ApiClientOptions(baseUri) { RetryBaseDelay = TimeSpan.FromMilliseconds(1), MaxRetries = 2 },
            ZammadCredential.FromToken(PowerShellSession.Secure(Sandbox.Host.Options.ZammadToken)), null);

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private long NewTicket(string title) =>
        Session.Run("param($t) New-Ticket -Title $t -Group Users -Customer bob@example.com -Body 'evidence'", new() { ["t"] = title })
            .AssertSuccess().Objects<Ticket>().Single().Id;

    [Fact]
    public void A_GET_whose_answer_was_lost_is_sent_again()
    {
        Sandbox.Host.Faults.LoseNextAnswers(1, "GET", "/zammad/api/v1/tickets/1");

        var ticket = Session.Run("Get-Ticket -Id 1").AssertSuccess().Objects<Ticket>().Single();

        Assert.Equal(1, ticket.Id);
        Assert.Equal(2, Sent("GET", "tickets/1"));
        Assert.Equal(0, Sandbox.Host.Faults.PendingLostAnswers);
    }

    [Fact]
    public void A_merge_whose_answer_was_lost_is_sent_once_and_reported_as_of_unknown_outcome()
    {
        var target = NewTicket("Lost merge target");
        var source = NewTicket("Lost merge source");
        Sandbox.Host.Requests.Clear();
        Sandbox.Host.Faults.LoseNextAnswers(1, "PUT", "/zammad/api/v1/ticket_merge/");

        var result = Session.Run("param($s, $t) Merge-Ticket -Id $s -Into $t -Force", new() { ["s"] = source, ["t"] = target });

        Assert.Equal(1, Sent("PUT", "ticket_merge/" + source));
        Assert.Equal("merged", ReadTicket(source)!.Value.GetProperty("state").GetString()); // the server did act
        var error = Assert.Single(result.Errors);
        Assert.Equal("OutcomeUnknown,CaseOps.Cmdlets.Tickets.MergeTicketCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
        Assert.Equal(source, error.TargetObject);
        Assert.StartsWith($"Zammad did not answer PUT ticket_merge/{source}/", error.Exception.Message);
        Assert.Contains(
            $" ({error.Exception.InnerException!.Message}). The request may have reached Zammad and taken effect; it is not safe to repeat, so it was not sent again, and its outcome is unknown. ",
            error.Exception.Message);
        Assert.Contains("merged", error.Exception.Message);
        // The engine says what to look for; the cmdlet says which command shows it.
        Assert.Contains($"Get-Ticket -Id {source}", error.ErrorDetails?.RecommendedAction);
        Assert.Empty(result.Output); // nothing is known to be merged, so the target is not shown
    }

    [Fact]
    public void A_merge_answered_429_is_sent_again_because_the_server_did_not_act()
    {
        var target = NewTicket("Throttled merge target");
        var source = NewTicket("Throttled merge source");
        Sandbox.Host.Requests.Clear();
        Sandbox.Host.Faults.FailNext(1, 429);

        var result = Session.Run("param($s, $t) Merge-Ticket -Id $s -Into $t -Force", new() { ["s"] = source, ["t"] = target });

        // The 429 hits the source's GET; a 429 is retried whatever the request.
        Assert.Equal(target, result.AssertSuccess().Objects<Ticket>().Single().Id);
        Assert.Equal(1, Sandbox.Host.Requests.Count(e => e.StatusCode == 429));
        Assert.Equal("merged", ReadTicket(source)!.Value.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_merge_answered_503_is_not_sent_again()
    {
        var target = NewTicket("Failing merge target");
        var source = NewTicket("Failing merge source");
        using var connection = Connect(Sandbox.Host.ZammadBaseUri);
        Sandbox.Host.Requests.Clear();
        Sandbox.Host.Faults.FailNext(1, 503);

        var error = await Assert.ThrowsAsync<CaseOpsApiException>(() =>
            new TicketService(connection).MergeAsync(source, Sandbox.Host.Zammad.Tickets.Find((int)target)!.Number, CancellationToken.None));

        Assert.Equal(503, error.StatusCode);
        Assert.False(error.OutcomeUnknown);
        Assert.Equal(1, Sent("PUT", "ticket_merge/"));
        Assert.NotEqual("merged", ReadTicket(source)!.Value.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_merge_that_never_reached_the_server_is_not_of_unknown_outcome()
    {
        var log = new CountingLog();
        using var connection = Connect(new Uri($"http://127.0.0.1:{FreePort()}/api/v1/"));

        var error = await Assert.ThrowsAsync<CaseOpsApiException>(() => new TicketService(connection, log).MergeAsync(5, "31001", CancellationToken.None));

        // A refused connection proves nothing was sent: no doubt about the outcome, and still no retry.
        Assert.Equal(0, error.StatusCode);
        Assert.False(error.OutcomeUnknown);
        Assert.Contains("could not be reached", error.Message);
        Assert.Equal(0, log.Retries);
    }

    [Fact]
    public void A_DELETE_whose_answer_was_lost_after_the_server_acted_ends_as_success()
    {
        var id = NewTicket("Lost delete");
        Sandbox.Host.Requests.Clear();
        Sandbox.Host.Faults.LoseNextAnswers(1, "DELETE", "/zammad/api/v1/tickets/" + id);

        var result = Session.Run("param($id) Remove-Ticket -Id $id -Force -Verbose", new() { ["id"] = id });

        Assert.Empty(result.Errors);
        Assert.Equal(2, Sent("DELETE", "tickets/" + id));
        Assert.Null(ReadTicket(id));
        Assert.Contains(result.Verbose, line => line.Contains("an earlier attempt did it", StringComparison.Ordinal));
    }

    [Fact]
    public void A_DELETE_of_a_missing_ticket_after_a_429_is_still_not_found()
    {
        Sandbox.Host.Faults.FailNext(1, 429);

        var result = Session.Run("Remove-Ticket -Id 7777777 -Force");

        // The 429 proves the first attempt did nothing, so the 404 is the ticket's own.
        Assert.Equal("TicketNotFound,CaseOps.Cmdlets.Tickets.RemoveTicketCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
        Assert.Equal(2, Sent("DELETE", "tickets/7777777"));
    }

    [Fact]
    public void A_new_ticket_whose_answer_was_lost_is_not_created_twice_and_stays_a_ConnectionFailed()
    {
        var title = "Lost create " + Guid.NewGuid().ToString("N")[..8];
        Sandbox.Host.Faults.LoseNextAnswers(1, "POST", "/zammad/api/v1/tickets");

        var result = Session.Run("param($t) New-Ticket -Title $t -Group Users -Customer bob@example.com", new() { ["t"] = title });

        Assert.Equal(1, Sent("POST", "tickets"));
        // No outcome check is named for a new ticket: the error stays as New-Ticket's help describes it.
        Assert.Equal("ConnectionFailed,CaseOps.Cmdlets.Tickets.NewTicketCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.Single(Sandbox.Host.Zammad.Tickets.Snapshot(), t => t.Title == title);
    }
}
