using System.Management.Automation;
using CaseOps.Connections;
using CaseOps.Http;
using CaseOps.Incydr.Models;
using CaseOps.Tests.Infrastructure;
using Xunit;

namespace CaseOps.Tests.Cmdlets;

/// <summary>Connect-Incydr, the default connection, environment variables, Disconnect-CaseOps.</summary>
public sealed class ConnectionTests : CmdletTestBase
{

    public ConnectionTests(SandboxFixture sandbox)
        : base(sandbox, connect: false)
    {
    }

    [Fact]
    public void Connect_returns_the_connection_and_makes_it_the_default()
    {
        var connection = Session.ConnectIncydr(Sandbox.Host).AssertSuccess().Objects<IncydrConnection>().Single();

        Assert.Equal(Sandbox.Host.Options.ClientId, connection.ClientId);
        Assert.Equal(Sandbox.Host.Options.TenantUid, connection.TenantId);
        Assert.True(connection.TokenExpiresAt > DateTimeOffset.UtcNow);
        var listed = Session.Run("Get-CaseOpsConnection").AssertSuccess().Objects<IncydrConnection>();
        Assert.Same(connection, Assert.Single(listed));
        Assert.DoesNotContain(Sandbox.Host.Options.ClientSecret, connection.ToString());
    }

    [Fact]
    public void Wrong_secret_is_a_terminating_authentication_error_without_the_secret()
    {
        const string wrong = "not-the-secret-4711";

        // catch sees only terminating errors
        var result = Session.Run("param($u, $c) try { Connect-Incydr -Uri $u -Credential $c; 'not terminated' } catch { $_ }",
            new() { ["u"] = Sandbox.Host.IncydrBaseUri.ToString(), ["c"] = PowerShellSession.Credential(Sandbox.Host.Options.ClientId, wrong) });

        var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
        Assert.Equal("AuthenticationFailed,CaseOps.Cmdlets.Connection.ConnectIncydrCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.DoesNotContain(wrong, error.ToString());
        Assert.DoesNotContain(wrong, error.Exception.ToString());
        Assert.Empty(Session.Run("Get-CaseOpsConnection").Output);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    public void Credentials_the_token_endpoint_refuses_with_any_status_end_Connect_as_an_authentication_error(int status)
    {
        Sandbox.Host.Faults.FaultTokenEndpoint = true;
        Sandbox.Host.Faults.FailNext(1, status);

        // catch sees only terminating errors
        var result = Session.Run("param($u, $c) try { Connect-Incydr -Uri $u -Credential $c; 'not terminated' } catch { $_ }",
            new() { ["u"] = Sandbox.Host.IncydrBaseUri.ToString(), ["c"] = PowerShellSession.Credential(Sandbox.Host.Options.ClientId, Sandbox.Host.Options.ClientSecret) });

        var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
        Assert.Equal("AuthenticationFailed,CaseOps.Cmdlets.Connection.ConnectIncydrCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        var refused = Assert.IsType<CaseOpsApiException>(error.Exception);
        Assert.Equal(status, refused.StatusCode);   // kept as the server sent it, not rewritten to 401
        Assert.True(refused.CredentialsRefused);
        Assert.Contains($"({status})", error.ToString());
        Assert.Contains("run Connect-Incydr again", error.ToString());
        Assert.DoesNotContain("Connect-Incydr", refused.Message);   // the engine names no cmdlet
        Assert.Equal(1, Sandbox.Host.Requests.Total);
        Assert.Empty(Session.Run("Get-CaseOpsConnection").Output);
    }

    [Fact]
    public void A_token_renewal_refused_with_403_ends_the_command_as_an_authentication_error_not_permission_denied()
    {
        Session.ConnectIncydr(Sandbox.Host).AssertSuccess();
        Sandbox.Host.Faults.FaultTokenEndpoint = true;
        Sandbox.Host.Faults.FailNext(1, 401);   // the API refuses the token: the client fetches a new one once
        Sandbox.Host.Faults.FailNext(1, 403);   // and the token endpoint refuses the credentials

        var result = Session.Run("try { Get-Case -Number 1, 2; 'not terminated' } catch { $_ }");

        var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);   // no case, no 'not terminated'
        Assert.Equal("AuthenticationFailed,CaseOps.Cmdlets.Cases.GetCaseCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Equal(403, Assert.IsType<CaseOpsApiException>(error.Exception).StatusCode);
        Assert.Contains("run Connect-Incydr again", error.ErrorDetails.Message);
    }

    [Fact]
    public void Without_a_connection_commands_say_to_run_Connect_Incydr()
    {
        var result = Session.Run("Get-Case -First 1");

        Assert.Equal("NotConnected,CaseOps.Cmdlets.Cases.GetCaseCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.Contains("Connect-Incydr", result.FirstError.ToString());
    }

    [Fact]
    public void Plain_http_to_a_remote_host_is_refused()
    {
        var result = Session.Run("param($c) Connect-Incydr -Uri http://incydr.example.com -Credential $c",
            new() { ["c"] = PowerShellSession.Credential("id", "secret") });

        Assert.Equal("InvalidUri,CaseOps.Cmdlets.Connection.ConnectIncydrCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.Equal(0, Sandbox.Host.Requests.Total);
    }

    [Theory]
    [InlineData("Connect-Incydr -Uri ", "https://api.us.code42.com", 10)]
    [InlineData("Connect-Incydr -Uri de", "https://api.de.code42.com", 1)]
    [InlineData("Connect-Incydr -Uri https://api.u", "https://api.us2.code42.com", 4)]
    public void Uri_completes_with_the_regional_API_addresses(string line, string expected, int count)
    {
        var result = Session.Run("param($line) (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object CompletionText",
            new() { ["line"] = line }).AssertSuccess();

        var matches = result.Output.Select(o => o.ToString()).ToList();
        Assert.Contains(expected, matches);
        Assert.Equal(count, matches.Count);
    }

    [Fact]
    public void Disconnect_forgets_the_default_connection()
    {
        Session.ConnectIncydr(Sandbox.Host).AssertSuccess();

        Session.Run("Disconnect-CaseOps").AssertSuccess();

        Assert.Empty(Session.Run("Get-CaseOpsConnection").Output);
        Assert.Equal("NotConnected,CaseOps.Cmdlets.Cases.GetCaseCommand", Session.Run("Get-Case -Number 1").FirstError.FullyQualifiedErrorId);
    }

    [Fact]
    public void A_disconnected_connection_object_gives_a_clear_error()
    {
        var connection = Session.ConnectIncydr(Sandbox.Host).AssertSuccess().Objects<IncydrConnection>().Single();
        Session.Run("Disconnect-CaseOps -Service Incydr").AssertSuccess();

        var result = Session.Run("param($c) Get-Case -Number 1 -Connection $c", new() { ["c"] = connection });

        Assert.True(connection.IsClosed);
        Assert.Equal("ConnectionClosed,CaseOps.Cmdlets.Cases.GetCaseCommand", result.FirstError.FullyQualifiedErrorId);
    }

    [Fact]
    public void Explicit_connection_parameter_overrides_the_default()
    {
        var connection = Session.ConnectIncydr(Sandbox.Host).AssertSuccess().Objects<IncydrConnection>().Single();
        Session.Run("Disconnect-CaseOps -Service Zammad").AssertSuccess();
        using var other = new PowerShellSession();

        var found = other.Run("param($c) Get-Case -Number 1 -Connection $c", new() { ["c"] = connection }).AssertSuccess().Objects<Case>();

        Assert.Equal(1, Assert.Single(found).Number);
    }

    [Fact]
    public void Each_runspace_has_its_own_default_connection()
    {
        Session.ConnectIncydr(Sandbox.Host).AssertSuccess();
        using var other = new PowerShellSession();

        Assert.Equal("NotConnected,CaseOps.Cmdlets.Cases.GetCaseCommand", other.Run("Get-Case -Number 1").FirstError.FullyQualifiedErrorId);
    }

    [Fact]
    public void Environment_variables_connect_when_no_connection_was_made()
    {
        var result = Session.Run(
            "param($u, $i, $s) $env:CASEOPS_INCYDR_URL = $u; $env:CASEOPS_INCYDR_CLIENT_ID = $i; $env:CASEOPS_INCYDR_CLIENT_SECRET = $s; " +
            "try { Get-Case -Number 4 -Verbose } finally { 'URL', 'CLIENT_ID', 'CLIENT_SECRET' | ForEach-Object { [Environment]::SetEnvironmentVariable(\"CASEOPS_INCYDR_$_\", $null) } }",
            new() { ["u"] = Sandbox.Host.IncydrBaseUri.ToString(), ["i"] = Sandbox.Host.Options.ClientId, ["s"] = Sandbox.Host.Options.ClientSecret });

        Assert.Equal(4, result.AssertSuccess().Objects<Case>().Single().Number);
        Assert.Contains(result.Verbose, v => v.Contains("CASEOPS_INCYDR_URL"));
        Assert.DoesNotContain(result.Verbose, v => v.Contains(Sandbox.Host.Options.ClientSecret));
    }
}
