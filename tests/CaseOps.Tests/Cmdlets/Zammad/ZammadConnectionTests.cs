using System.Management.Automation;
using CaseOps.Connections;
using CaseOps.Tests.Infrastructure;
using CaseOps.Zammad.Models;
using Xunit;

namespace CaseOps.Tests.Cmdlets.Zammad;

/// <summary>Connect-Zammad: tokens, basic auth, impersonation, URL rules, environment variables, secrets.</summary>
public sealed class ZammadConnectionTests : ZammadCmdletTestBase
{
    public ZammadConnectionTests(SandboxFixture sandbox)
        : base(sandbox, connect: false)
    {
    }

    [Fact]
    public void Token_connects_and_learns_who_it_is()
    {
        var connection = Session.ConnectZammad(Sandbox.Host).AssertSuccess().Objects<ZammadConnection>().Single();

        Assert.Equal("admin", connection.Account);
        Assert.Equal(2, connection.UserId);
        Assert.Equal("Token", connection.AuthenticationMethod);
        Assert.Equal(Sandbox.Host.ZammadBaseUri, connection.BaseUri);
        Assert.Equal(1, Sent("GET", "users/me"));
        var listed = Session.Run("Get-CaseOpsConnection -Service Zammad").AssertSuccess().Objects<ZammadConnection>().Single();
        Assert.Same(connection, listed);
    }

    [Fact]
    public void Wrong_token_fails_the_connect_with_AuthenticationFailed()
    {
        var result = Session.ConnectZammad(Sandbox.Host, "not-the-token");

        Assert.Equal("AuthenticationFailed,CaseOps.Cmdlets.Connection.ConnectZammadCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, result.FirstError.CategoryInfo.Category);
        Assert.DoesNotContain("not-the-token", result.FirstError.ToString());
        Assert.Empty(Session.Run("Get-CaseOpsConnection -Service Zammad").Output);
    }

    [Fact]
    public void Login_and_password_connect_with_basic_auth()
    {
        var credential = PowerShellSession.Credential(Sandbox.Host.Options.ZammadLogin, Sandbox.Host.Options.ZammadPassword);

        var connection = Session.Run("param($u, $c) Connect-Zammad -Uri $u -Credential $c",
            new() { ["u"] = Sandbox.Host.ZammadBaseUri.ToString(), ["c"] = credential }).AssertSuccess().Objects<ZammadConnection>().Single();

        Assert.Equal("Basic", connection.AuthenticationMethod);
        Assert.Equal("admin", connection.Account);
        Assert.Equal(3, Session.Run("Get-Ticket -Id 3").AssertSuccess().Objects<Ticket>().Single().Id);
    }

    [Fact]
    public void A_bare_helpdesk_address_gets_the_api_path()
    {
        var bare = Sandbox.Host.ZammadBaseUri.ToString().Replace("api/v1/", string.Empty);

        var connection = Session.Run("param($u, $t) Connect-Zammad -Uri $u -Token $t",
            new() { ["u"] = bare, ["t"] = PowerShellSession.Secure(Sandbox.Host.Options.ZammadToken) }).AssertSuccess().Objects<ZammadConnection>().Single();

        Assert.Equal(Sandbox.Host.ZammadBaseUri, connection.BaseUri);
        Assert.Equal(new Uri(bare), connection.WebUri);
    }

    [Fact]
    public void Plain_http_to_a_remote_host_is_refused_before_any_request()
    {
        var result = Session.Run("param($t) Connect-Zammad -Uri http://helpdesk.example.com -Token $t",
            new() { ["t"] = PowerShellSession.Secure("whatever") });

        Assert.Equal("InvalidUri,CaseOps.Cmdlets.Connection.ConnectZammadCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.Contains("https", result.FirstError.Exception.Message);
        Assert.Equal(0, Sandbox.Host.Requests.Total);
    }

    [Fact]
    public void On_behalf_of_makes_changes_as_that_user()
    {
        var connection = Session.Run("param($u, $t) Connect-Zammad -Uri $u -Token $t -OnBehalfOf nicole.braun",
            new() { ["u"] = Sandbox.Host.ZammadBaseUri.ToString(), ["t"] = PowerShellSession.Secure(Sandbox.Host.Options.ZammadToken) })
            .AssertSuccess().Objects<ZammadConnection>().Single();

        Assert.Equal("nicole.braun", connection.Account);
        Assert.Equal("nicole.braun", connection.OnBehalfOf);
        var changed = Session.Run("Set-Ticket -Id 5 -Title 'Changed on behalf' -PassThru").AssertSuccess().Objects<Ticket>().Single();
        Assert.Equal("nicole.braun", changed.UpdatedBy);
    }

    [Fact]
    public void Impersonating_an_unknown_user_is_refused_at_connect()
    {
        var result = Session.Run("param($u, $t) Connect-Zammad -Uri $u -Token $t -OnBehalfOf nobody.here",
            new() { ["u"] = Sandbox.Host.ZammadBaseUri.ToString(), ["t"] = PowerShellSession.Secure(Sandbox.Host.Options.ZammadToken) });

        Assert.Equal("PermissionDenied,CaseOps.Cmdlets.Connection.ConnectZammadCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.Contains("nobody.here", result.FirstError.Exception.Message);
    }

    [Fact]
    public void Without_a_connection_commands_stop_with_NotConnected()
    {
        var result = Session.Run("Get-Ticket -Id 1");

        Assert.Equal("NotConnected,CaseOps.Cmdlets.Tickets.GetTicketCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.Contains("Connect-Zammad", result.FirstError.Exception.Message);
        Assert.Equal(0, Sandbox.Host.Requests.Total);
    }

    [Fact]
    public void Environment_variables_connect_when_no_connection_was_made()
    {
        var result = Session.Run(
            "param($u, $t) [Environment]::SetEnvironmentVariable('CASEOPS_ZAMMAD_URL', $u); [Environment]::SetEnvironmentVariable('CASEOPS_ZAMMAD_TOKEN', $t); " +
            "try { Get-Ticket -Id 4 -Verbose } finally { 'URL', 'TOKEN' | ForEach-Object { [Environment]::SetEnvironmentVariable(\"CASEOPS_ZAMMAD_$_\", $null) } }",
            new() { ["u"] = Sandbox.Host.ZammadBaseUri.ToString(), ["t"] = Sandbox.Host.Options.ZammadToken });

        Assert.Equal(4, result.AssertSuccess().Objects<Ticket>().Single().Id);
        Assert.Contains(result.Verbose, v => v.Contains("CASEOPS_ZAMMAD_TOKEN"));
        Assert.DoesNotContain(result.Verbose, v => v.Contains(Sandbox.Host.Options.ZammadToken));
    }

    [Fact]
    public void The_token_never_shows_in_verbose_or_debug_output()
    {
        var result = Session.Run("param($u, $t) $DebugPreference = 'Continue'; Connect-Zammad -Uri $u -Token $t -Verbose | Out-Null; Get-Ticket -Id 2 -Verbose -Debug | Out-Null",
            new() { ["u"] = Sandbox.Host.ZammadBaseUri.ToString(), ["t"] = PowerShellSession.Secure(Sandbox.Host.Options.ZammadToken) });

        result.AssertSuccess();
        Assert.NotEmpty(result.Verbose);
        Assert.DoesNotContain(result.Verbose.Concat(result.Debug), line => line.Contains(Sandbox.Host.Options.ZammadToken));
        var connection = Session.Run("Get-CaseOpsConnection -Service Zammad").Output.Single();
        Assert.DoesNotContain(Sandbox.Host.Options.ZammadToken, connection.ToString());
    }

    [Fact]
    public void TimeoutSec_and_MaxRetries_shape_the_connection()
    {
        var connection = Session.Run("param($u, $t) Connect-Zammad -Uri $u -Token $t -TimeoutSec 7 -MaxRetries 2",
            new() { ["u"] = Sandbox.Host.ZammadBaseUri.ToString(), ["t"] = PowerShellSession.Secure(Sandbox.Host.Options.ZammadToken) })
            .AssertSuccess().Objects<ZammadConnection>().Single();

        Assert.Equal(TimeSpan.FromSeconds(7), connection.Api.Options.Timeout);
        Assert.Equal(2, connection.Api.Options.MaxRetries);
    }
}
