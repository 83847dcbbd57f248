using System.Management.Automation;
using CaseOps.Incydr.Models;
using CaseOps.Tests.Infrastructure;
using Xunit;

namespace CaseOps.Tests.Cmdlets;

/// <summary>Retries, token renewal and persistent failures, driven through the cmdlets.</summary>
public sealed class ResilienceTests : CmdletTestBase
{

    public ResilienceTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private IReadOnlyList<long> ListAll() =>
        Session.Run("Get-Case -PageSize 25").AssertSuccess().Objects<Case>().Select(c => c.Number).ToList();

    private IEnumerable<long> AllNumbers => Sandbox.Host.Cases.Snapshot().Select(c => c.Number).OrderBy(n => n).ToList();

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    [InlineData(502)]
    public void Injected_transient_failures_are_retried_without_losing_or_repeating_a_case(int status)
    {
        Sandbox.Host.Faults.FailNext(3, status);

        Assert.Equal(AllNumbers, ListAll());
        Assert.Equal(3, Sandbox.Host.Requests.Count(e => e.StatusCode == status));
    }

    [Fact]
    public void A_share_of_random_429_and_5xx_answers_loses_nothing()
    {
        Sandbox.Host.Faults.Reseed(7);
        Sandbox.Host.Faults.TooManyRequestsRate = 0.2;
        Sandbox.Host.Faults.ServerErrorRate = 0.15;

        var numbers = ListAll();

        Assert.Equal(AllNumbers, numbers);
        Assert.True(Sandbox.Host.Requests.Count(e => e.StatusCode is 429 or 503) > 0, "no fault was injected");
    }

    [Fact]
    public void Token_expiry_in_the_middle_of_a_listing_is_survived()
    {
        Sandbox.Host.Faults.Latency = TimeSpan.FromMilliseconds(40);

        var listing = Session.Run("Get-Case -PageSize 10", whileRunning: _ =>
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (Sandbox.Host.Requests.Count(e => e.Path == "/v1/cases" && e.StatusCode == 200) < 3 && DateTime.UtcNow < deadline)
                Thread.Sleep(1);
            Sandbox.Host.Tokens.ExpireAll();
        });

        Assert.Equal(AllNumbers, listing.AssertSuccess().Objects<Case>().Select(c => c.Number));
        Assert.True(Sandbox.Host.Requests.Count(e => e.StatusCode == 401) >= 1, "the token never expired mid-listing");
        Assert.Equal(1, Sandbox.Host.Requests.Count("POST", "/v1/oauth"));
    }

    [Fact]
    public void A_short_lived_token_is_renewed_before_it_expires()
    {
        // The provider renews a tenth of the lifetime before expiry. That margin must outlast what a request
        // waits after its token was attached: a slot of the connection's limit and the emulator's 200 ms
        // latency, which comes before the token is checked. Real tokens (minutes) have far more.
        Sandbox.Host.Tokens.Lifetime = TimeSpan.FromSeconds(5);
        try
        {
            Session.ConnectIncydr(Sandbox.Host).AssertSuccess();
            Sandbox.Host.Faults.Latency = TimeSpan.FromMilliseconds(200);

            // 250 pages of 200 ms, at most 8 at a time (the connection's limit): over 6 s, more than one lifetime.
            Assert.Equal(AllNumbers, Session.Run("Get-Case -PageSize 1").AssertSuccess().Objects<Case>().Select(c => c.Number));
            Assert.True(Sandbox.Host.Requests.Count("POST", "/v1/oauth") >= 2, "the token was not renewed during a listing longer than its lifetime");
        }
        finally
        {
            Sandbox.Host.Tokens.Lifetime = TimeSpan.FromSeconds(900);
        }
    }

    [Fact]
    public void A_401_fetches_one_new_token_and_replays_the_request()
    {
        Session.Run("Get-Case -Number 1").AssertSuccess();
        Sandbox.Host.Tokens.ExpireAll();
        Sandbox.Host.Requests.Clear();

        var result = Session.Run("Get-Case -PageSize 25 -Verbose").AssertSuccess();
        Assert.True(1 == Sandbox.Host.Requests.Count(e => e.StatusCode == 401), string.Join("\n", result.Verbose));
        Assert.Equal(AllNumbers, result.Objects<Case>().Select(c => c.Number));
        Assert.Equal(1, Sandbox.Host.Requests.Count("POST", "/v1/oauth"));
    }

    [Fact]
    public void A_500_that_persists_after_retries_is_a_ConnectionError_naming_the_request_id()
    {
        Session.Run("param($u, $c) Connect-Incydr -Uri $u -Credential $c -MaxRetries 2",
            new() { ["u"] = Sandbox.Host.IncydrBaseUri.ToString(), ["c"] = PowerShellSession.Credential(Sandbox.Host.Options.ClientId, Sandbox.Host.Options.ClientSecret) })
            .AssertSuccess();
        Sandbox.Host.Requests.Clear();
        Sandbox.Host.Faults.FailNext(100, 500);

        var result = Session.Run("6, 7 | Get-Case");

        Assert.Equal(2, result.Errors.Count); // per item, not terminating
        var error = result.Errors[0];
        Assert.Equal("ConnectionFailed,CaseOps.Cmdlets.Cases.GetCaseCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
        Assert.Equal(6, Sandbox.Host.Requests.Count(e => e.StatusCode == 500)); // 1 + 2 retries for each of 2 cases
        var lastAttemptForSix = Sandbox.Host.Requests.Entries.Where(e => e.Path == "/v1/cases/6").Last();
        Assert.Contains(lastAttemptForSix.RequestId, error.ToString());
    }

    [Fact]
    public void A_POST_is_not_retried_after_a_5xx_but_is_after_a_429()
    {
        Sandbox.Host.Faults.FailNext(1, 503);
        var failed = Session.Run("New-Case -Name 'retry-safety 503'");
        Assert.Single(failed.Errors);
        Assert.Equal(1, Sandbox.Host.Requests.Count("POST", "/v1/cases"));

        Sandbox.Host.Requests.Clear();
        Sandbox.Host.Faults.FailNext(1, 429);
        var created = Session.Run("New-Case -Name 'retry-safety 429'").AssertSuccess().Objects<Case>();
        Assert.Single(created);
        Assert.Equal(2, Sandbox.Host.Requests.Count("POST", "/v1/cases"));
    }

    [Fact]
    public void A_case_DELETE_whose_answer_was_lost_after_the_server_acted_ends_as_success()
    {
        var created = Session.Run("param($n) New-Case -Name $n", new() { ["n"] = "lost delete " + Guid.NewGuid().ToString("N")[..8] })
            .AssertSuccess().Objects<Case>().Single();
        Sandbox.Host.Requests.Clear();
        Sandbox.Host.Faults.LoseNextAnswers(1, "DELETE", "/v1/cases/" + created.Number);

        var result = Session.Run("param($n) Remove-Case -Number $n -Confirm:$false", new() { ["n"] = created.Number });

        Assert.Empty(result.Errors);
        Assert.Equal(2, Sandbox.Host.Requests.Count("DELETE", "/v1/cases/" + created.Number));
        Assert.Null(Sandbox.Host.Cases.Find(created.Number));
    }

    [Fact]
    public void A_new_case_whose_answer_was_lost_is_sent_once()
    {
        var name = "lost create " + Guid.NewGuid().ToString("N")[..8];
        Sandbox.Host.Faults.LoseNextAnswers(1, "POST", "/v1/cases");

        var result = Session.Run("param($n) New-Case -Name $n", new() { ["n"] = name });

        Assert.Equal(1, Sandbox.Host.Requests.Count("POST", "/v1/cases"));
        var error = Assert.Single(result.Errors);
        Assert.Equal("ConnectionFailed,CaseOps.Cmdlets.Cases.NewCaseCommand", error.FullyQualifiedErrorId);
        Assert.Single(Sandbox.Host.Cases.Snapshot(), c => c.Name == name);
    }
}
