using System.Management.Automation;
using CaseOps.Connections;
using CaseOps.Http;
using CaseOps.Tests.Infrastructure;
using CaseOps.Zammad.Models;
using Xunit;

namespace CaseOps.Tests.Cmdlets.Zammad;

/// <summary>
/// Exact errors for a wrong Zammad address and for header values HTTP cannot carry
/// (docs/architecture.md, "Errors").
/// </summary>
public sealed class ZammadExactErrorTests : ZammadCmdletTestBase
{
    public ZammadExactErrorTests(SandboxFixture sandbox)
        : base(sandbox, connect: false)
    {
    }

    private string WrongAddress => new Uri(Sandbox.Host.ZammadBaseUri, "/no-zammad-here/").ToString();

    [Fact]
    public void Connect_Zammad_to_an_address_without_the_API_is_ApiNotFound()
    {
        var result = Session.Run("param($u, $t) try { Connect-Zammad -Uri $u -Token $t; 'not terminated' } catch { $_ }",
            new() { ["u"] = WrongAddress, ["t"] = PowerShellSession.Secure(Sandbox.Host.Options.ZammadToken) });

        var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
        Assert.Equal("ApiNotFound,CaseOps.Cmdlets.Connection.ConnectZammadCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("There is no Zammad API at " + WrongAddress + "api/v1/", error.ToString());
        Assert.Equal(1, Sandbox.Host.Requests.Total);   // a 404 is not retried
        Assert.Empty(Session.Run("Get-CaseOpsConnection").Output);
    }

    [Fact]
    public void Environment_variables_with_an_address_without_the_API_end_the_command_with_ApiNotFound()
    {
        var result = Session.Run(
            "param($u, $t) $env:CASEOPS_ZAMMAD_URL = $u; $env:CASEOPS_ZAMMAD_TOKEN = $t; " +
            "try { try { Get-Ticket -Id 1, 2; 'not terminated' } catch { $_ } } finally { 'URL', 'TOKEN' | ForEach-Object { [Environment]::SetEnvironmentVariable(\"CASEOPS_ZAMMAD_$_\", $null) } }",
            new() { ["u"] = WrongAddress, ["t"] = Sandbox.Host.Options.ZammadToken });

        var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
        Assert.Equal("ApiNotFound,CaseOps.Cmdlets.Tickets.GetTicketCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal(1, Sandbox.Host.Requests.Total);
    }

    [Fact]
    public void A_non_ASCII_OnBehalfOf_is_refused_by_Connect_Zammad_before_any_request()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = Session.Run("param($u, $t) try { Connect-Zammad -Uri $u -Token $t -OnBehalfOf 'jürgen@example.com'; 'not terminated' } catch { $_ }",
            new() { ["u"] = Sandbox.Host.ZammadBaseUri.ToString(), ["t"] = PowerShellSession.Secure(Sandbox.Host.Options.ZammadToken) });

        var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
        Assert.Equal("InvalidHeaderValue,CaseOps.Cmdlets.Connection.ConnectZammadCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("U+00FC at position 2", error.ToString());
        Assert.Equal(0, Sandbox.Host.Requests.Total);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), watch.Elapsed.ToString());
    }

    [Fact]
    public void A_token_with_a_line_break_is_refused_unsent_without_quoting_it()
    {
        // A token read from a file or a secret store often ends with a line break.
        var token = Sandbox.Host.Options.ZammadToken + "\n";

        var result = Session.Run("param($u, $t) Connect-Zammad -Uri $u -Token $t",
            new() { ["u"] = Sandbox.Host.ZammadBaseUri.ToString(), ["t"] = PowerShellSession.Secure(token) });

        var error = Assert.Single(result.Errors);
        Assert.Equal("InvalidHeaderValue,CaseOps.Cmdlets.Connection.ConnectZammadCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal("Authorization", Assert.IsType<CaseOpsApiException>(error.Exception).InvalidHeader);
        Assert.DoesNotContain(Sandbox.Host.Options.ZammadToken, error.ToString());
        Assert.DoesNotContain(Sandbox.Host.Options.ZammadToken, error.Exception.ToString());
        Assert.Equal(0, Sandbox.Host.Requests.Total);
    }

    [Fact]
    public void A_header_value_HTTP_cannot_carry_is_refused_by_the_engine_unsent_and_ends_the_command()
    {
        using var connection = new ZammadConnection(new ApiClientOptions(Sandbox.Host.ZammadBaseUri),
            ZammadCredential.FromToken(PowerShellSession.Secure(Sandbox.Host.Options.ZammadToken)), "jürgen");

        var result = Session.Run("param($c) try { Get-Ticket -Id 1, 2 -Connection $c; 'not terminated' } catch { $_ }", new() { ["c"] = connection });

        var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
        Assert.Equal("InvalidHeaderValue,CaseOps.Cmdlets.Tickets.GetTicketCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal("X-On-Behalf-Of", Assert.IsType<CaseOpsApiException>(error.Exception).InvalidHeader);
        Assert.Equal("GET tickets/1 was not sent to Zammad: the value 'jürgen' of the X-On-Behalf-Of header has the character U+00FC at position 2, which HTTP headers cannot carry (they carry printable ASCII characters only).", error.Exception.Message);
        Assert.Equal(0, Sandbox.Host.Requests.Total);   // nothing sent, nothing retried
    }

    [Fact]
    public void A_token_HTTP_cannot_carry_is_refused_without_repeating_the_token()
    {
        const string token = "tökén-secret-4711";

        var result = Session.Run("param($u, $t) try { Connect-Zammad -Uri $u -Token $t; 'not terminated' } catch { $_ }",
            new() { ["u"] = Sandbox.Host.ZammadBaseUri.ToString(), ["t"] = PowerShellSession.Secure(token) });

        var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
        Assert.Equal("InvalidHeaderValue,CaseOps.Cmdlets.Connection.ConnectZammadCommand", error.FullyQualifiedErrorId);
        Assert.Equal("Authorization", Assert.IsType<CaseOpsApiException>(error.Exception).InvalidHeader);
        Assert.DoesNotContain("ö", error.ToString() + error.Exception + error.ErrorDetails);
        Assert.DoesNotContain("secret-4711", error.ToString() + error.Exception + error.ErrorDetails);
        Assert.Equal(0, Sandbox.Host.Requests.Total);
    }
}
