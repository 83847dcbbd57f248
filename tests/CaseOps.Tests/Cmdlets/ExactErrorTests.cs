using System.Management.Automation;
using System.Text;
using CaseOps.Connections;
using CaseOps.Http;
using CaseOps.Incydr.Models;
using CaseOps.Sandbox.Faults;
using CaseOps.Tests.Infrastructure;
using Xunit;

namespace CaseOps.Tests.Cmdlets;

/// <summary>
/// Exact errors for what a server or an address can get wrong (docs/architecture.md, "Errors"): capped
/// server text, 414, no API at the address, 429 and failures of the token endpoint.
/// </summary>
public sealed class ExactErrorTests : CmdletTestBase
{
    public ExactErrorTests(SandboxFixture sandbox)
        : base(sandbox, connect: false)
    {
    }

    private Dictionary<string, object?> Target(string? uri = null) => new()
    {
        ["u"] = uri ?? Sandbox.Host.IncydrBaseUri.ToString(),
        ["c"] = PowerShellSession.Credential(Sandbox.Host.Options.ClientId, Sandbox.Host.Options.ClientSecret),
    };

    private IncydrConnection Connect(int maxRetries = 4) =>
        Session.Run("param($u, $c, $r) Connect-Incydr -Uri $u -Credential $c -MaxRetries $r",
            new(Target()) { ["r"] = maxRetries }).AssertSuccess().Objects<IncydrConnection>().Single();

    [Fact]
    public void A_huge_error_text_from_the_server_is_capped_in_the_message_the_details_and_Error()
    {
        Connect();
        Sandbox.Host.Requests.Clear();
        var huge = new string('x', 10_000_000);
        Sandbox.Host.Faults.Rewrites.Add(AnswerRewrites.Request("GET", "/v1/cases/999999"),
            _ => Encoding.UTF8.GetBytes("{\"problem\":\"CASE_NOT_FOUND\",\"description\":\"" + huge + "\"}"));

        var result = Session.Run("$r = @(1, 999999, 2 | Get-Case -ErrorAction SilentlyContinue -ErrorVariable failed); $r; $failed");
        var inError = Session.Run("@($Error) | ForEach-Object { $_.ToString() + $_.Exception.ToString() + $_.ErrorDetails + $_.TargetObject }").AssertSuccess();

        Assert.Equal(new long[] { 1, 2 }, result.Objects<Case>().Select(c => c.Number));   // the cases around the failure survive
        var error = Assert.Single(result.Objects<ErrorRecord>());
        Assert.Equal("CaseNotFound,CaseOps.Cmdlets.Cases.GetCaseCommand", error.FullyQualifiedErrorId);
        var exception = Assert.IsType<CaseOpsApiException>(error.Exception);
        Assert.Equal(ServerText.MaxLength + "… (9998000 more characters)".Length, exception.ServerMessage!.Length);
        Assert.EndsWith("… (9998000 more characters)", exception.ServerMessage);
        Assert.True(exception.Message.Length < 3 * ServerText.MaxLength, exception.Message.Length.ToString());
        Assert.Contains("more characters)", error.ErrorDetails.Message);
        Assert.True(error.ErrorDetails.Message.Length < 3 * ServerText.MaxLength);
        var everythingInError = inError.Output.Sum(o => o.ToString().Length);
        Assert.InRange(everythingInError, 1, 40_000);   // $Error's text, exception chain included
    }

    [Fact]
    public void A_414_is_RequestTooLarge_not_retried_and_the_other_cases_still_come()
    {
        Connect();
        Sandbox.Host.Requests.Clear();

        // The fault is set while case 2 is on its way down the pipeline, so case 1 is written before it.
        var result = Session.Run("param($f) $r = @(1, 2, 3 | ForEach-Object { if ($_ -eq 2) { $f.FailNext(1, 414) }; $_ } | Get-Case -ErrorAction SilentlyContinue -ErrorVariable failed); $r; $failed",
            new() { ["f"] = Sandbox.Host.Faults });

        Assert.Equal(new long[] { 1, 3 }, result.Objects<Case>().Select(c => c.Number));
        var error = Assert.Single(result.Objects<ErrorRecord>());
        Assert.Equal("RequestTooLarge,CaseOps.Cmdlets.Cases.GetCaseCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal(1, Sandbox.Host.Requests.Count("GET", "/v1/cases/2"));   // not sent again
        Assert.Contains("shorten it", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void Connect_Incydr_to_an_address_without_the_API_is_ApiNotFound()
    {
        var wrong = new Uri(Sandbox.Host.IncydrBaseUri, "no-incydr-here/").ToString();

        var result = Session.Run("param($u, $c) try { Connect-Incydr -Uri $u -Credential $c; 'not terminated' } catch { $_ }", Target(wrong));

        var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
        Assert.Equal("ApiNotFound,CaseOps.Cmdlets.Connection.ConnectIncydrCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("There is no Incydr API at " + wrong, error.ToString());
        Assert.Equal(1, Sandbox.Host.Requests.Total);   // a 404 is not retried
        Assert.Empty(Session.Run("Get-CaseOpsConnection").Output);
    }

    [Fact]
    public void A_429_from_the_token_endpoint_that_outlasts_the_retries_is_RateLimited()
    {
        Sandbox.Host.Faults.FaultTokenEndpoint = true;
        Sandbox.Host.Faults.FailNext(3, 429);

        var result = Session.Run("param($u, $c) try { Connect-Incydr -Uri $u -Credential $c -MaxRetries 2; 'not terminated' } catch { $_ }", Target());

        var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
        Assert.Equal("RateLimited,CaseOps.Cmdlets.Connection.ConnectIncydrCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.LimitsExceeded, error.CategoryInfo.Category);
        Assert.Equal(3, Sandbox.Host.Requests.Count("POST", "/v1/oauth"));
    }

    [Fact]
    public void A_429_from_the_token_endpoint_in_the_middle_of_a_command_is_RateLimited()
    {
        var connection = Connect(maxRetries: 1);
        connection.Tokens.Clock = () => DateTimeOffset.UtcNow.AddHours(1);   // the token has expired: a new one is needed
        Sandbox.Host.Requests.Clear();
        Sandbox.Host.Faults.FaultTokenEndpoint = true;
        Sandbox.Host.Faults.FailNext(2, 429);

        var result = Session.Run("Get-Case -Number 1");

        Assert.Empty(result.Output);
        Assert.Equal("RateLimited,CaseOps.Cmdlets.Cases.GetCaseCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.Equal(2, Sandbox.Host.Requests.Count("POST", "/v1/oauth"));
        Assert.Equal(0, Sandbox.Host.Requests.Count("GET", "/v1/cases"));
    }

    [Fact]
    public void When_renewing_a_still_valid_token_fails_the_current_token_is_used_with_a_warning()
    {
        var connection = Connect(maxRetries: 0);
        var expiresAt = connection.TokenExpiresAt!.Value;
        connection.Tokens.Clock = () => expiresAt.AddSeconds(-30);   // inside the renewal margin, still valid
        Sandbox.Host.Requests.Clear();
        Sandbox.Host.Faults.FaultTokenEndpoint = true;
        Sandbox.Host.Faults.FailNext(1, 503);

        var result = Session.Run("Get-Case -Number 1; Get-Case -Number 2");

        Assert.Equal(new long[] { 1, 2 }, result.AssertSuccess().Objects<Case>().Select(c => c.Number));
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("Renewing the Incydr access token failed, so the current one is used", warning);
        Assert.Contains("503", warning);
        Assert.Equal(1, Sandbox.Host.Requests.Count("POST", "/v1/oauth"));   // not asked again for the second case
        Assert.Equal(expiresAt, connection.TokenExpiresAt);
    }

    [Fact]
    public void When_renewing_an_expired_token_fails_the_command_fails()
    {
        var connection = Connect(maxRetries: 0);
        var expiresAt = connection.TokenExpiresAt!.Value;
        connection.Tokens.Clock = () => expiresAt.AddSeconds(1);
        Sandbox.Host.Requests.Clear();
        Sandbox.Host.Faults.FaultTokenEndpoint = true;
        Sandbox.Host.Faults.FailNext(1, 503);

        var result = Session.Run("Get-Case -Number 1");

        Assert.Empty(result.Output);
        Assert.Empty(result.Warnings);
        Assert.Equal("ConnectionFailed,CaseOps.Cmdlets.Cases.GetCaseCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.Equal(0, Sandbox.Host.Requests.Count("GET", "/v1/cases"));
    }
}
