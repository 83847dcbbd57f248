using System.Management.Automation;
using CaseOps.Connections;
using CaseOps.Tests.Infrastructure;
using CaseOps.Zammad.Models;
using Xunit;

namespace CaseOps.Tests.Cmdlets.Zammad;

/// <summary>The remaining parameters of the ticket cmdlets, -Connection, and failures on the Zammad side.</summary>
public sealed class ZammadParameterTests : ZammadCmdletTestBase
{
    public ZammadParameterTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    [Fact]
    public void Set_ticket_changes_group_priority_customer_and_title_by_name_or_id()
    {
        var updated = Session.Run("Set-Ticket -Id 14 -Group 'Service Desk' -Priority 3 -Customer bob@example.com -Title 'Moved to the service desk' -PassThru")
            .AssertSuccess().Objects<Ticket>().Single();

        Assert.Equal("Service Desk", updated.Group);
        Assert.Equal(3, updated.PriorityId);
        Assert.Equal("3 high", updated.Priority);
        Assert.Equal("bob@example.com", updated.Customer);
        Assert.Equal("Moved to the service desk", updated.Title);
    }

    [Fact]
    public void Named_parameters_win_over_the_same_field_in_Property()
    {
        var created = Session.Run("New-Ticket -Title 'Both ways' -Group Users -Customer bob@example.com -State open -Property @{ state_id = 4; state = 'closed'; customer_id = 7; note = 'kept' }")
            .AssertSuccess().Objects<Ticket>().Single();

        Assert.Equal("open", created.State);
        Assert.Equal("bob@example.com", created.Customer);
        Assert.Equal("kept", created.Note);
    }

    [Fact]
    public void Ids_pipe_into_Set_Ticket()
    {
        var updated = Session.Run("20, 21 | Set-Ticket -Priority '1 low' -PassThru").AssertSuccess().Objects<Ticket>();

        Assert.Equal(new long[] { 20, 21 }, updated.Select(t => t.Id));
        Assert.All(updated, t => Assert.Equal("1 low", t.Priority));
    }

    [Fact]
    public void A_tag_with_a_comma_is_refused_on_New_Ticket()
    {
        var result = Session.Run("New-Ticket -Title 'Commas' -Group Users -Customer bob@example.com -Tag 'a,b'");

        Assert.Equal("ParameterArgumentValidationError,CaseOps.Cmdlets.Tickets.NewTicketCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.Equal(0, Changes);
    }

    [Fact]
    public void A_wrong_token_in_the_environment_stops_the_first_command()
    {
        var fresh = new PowerShellSession();
        try
        {
            var result = fresh.Run(
                "param($u) [Environment]::SetEnvironmentVariable('CASEOPS_ZAMMAD_URL', $u); [Environment]::SetEnvironmentVariable('CASEOPS_ZAMMAD_TOKEN', 'wrong-env-token'); " +
                "try { Get-Ticket -Id 4 } finally { 'URL', 'TOKEN' | ForEach-Object { [Environment]::SetEnvironmentVariable(\"CASEOPS_ZAMMAD_$_\", $null) } }",
                new() { ["u"] = Sandbox.Host.ZammadBaseUri.ToString() });

            Assert.Equal("AuthenticationFailed,CaseOps.Cmdlets.Tickets.GetTicketCommand", result.FirstError.FullyQualifiedErrorId);
            Assert.DoesNotContain("wrong-env-token", result.FirstError.ToString());
            Assert.Equal(0, Sent("GET", "tickets/4"));
        }
        finally
        {
            fresh.Dispose();
        }
    }

    [Fact]
    public void Names_are_fetched_once_per_connection_and_reused()
    {
        Session.Run("Set-Ticket -Id 15 -State open; Set-Ticket -Id 16 -State open; New-Ticket -Title 'Catalog' -Group Users -Customer bob@example.com -State closed").AssertSuccess();

        Assert.Equal(1, Sent("GET", "ticket_states"));
        Assert.Equal(1, Sent("GET", "groups"));
    }

    [Fact]
    public void Connection_parameter_overrides_the_default()
    {
        var agent = Session.Run("param($u, $t) Connect-Zammad -Uri $u -Token $t",
            new() { ["u"] = Sandbox.Host.ZammadBaseUri.ToString(), ["t"] = PowerShellSession.Secure(Sandbox.Host.Options.ZammadAgentToken) })
            .AssertSuccess().Objects<ZammadConnection>().Single();
        Session.ConnectZammad(Sandbox.Host).AssertSuccess(); // the admin is the default again

        var asAgent = Session.Run("param($c) Set-Ticket -Id 18 -Title 'Changed by the agent' -Connection $c -PassThru", new() { ["c"] = agent }).AssertSuccess().Objects<Ticket>().Single();
        var asDefault = Session.Run("Set-Ticket -Id 19 -Title 'Changed by the admin' -PassThru").AssertSuccess().Objects<Ticket>().Single();

        Assert.Equal("agent.smith", asAgent.UpdatedBy);
        Assert.Equal("admin", asDefault.UpdatedBy);
    }

    [Fact]
    public void A_closed_connection_is_refused()
    {
        var result = Session.Run("$c = Get-CaseOpsConnection -Service Zammad; Disconnect-CaseOps -Service Zammad; Get-Ticket -Id 1 -Connection $c");

        Assert.Equal("ConnectionClosed,CaseOps.Cmdlets.Tickets.GetTicketCommand", result.FirstError.FullyQualifiedErrorId);
    }

    [Fact]
    public void Search_with_Expand_carries_names_and_Limit_caps_a_tag_search()
    {
        Session.Run("1..4 | Add-TicketTag -Name limit-a, limit-b, limit-c").AssertSuccess();

        var tickets = Session.Run("Get-Ticket -Query 'tags:limit-a' -Expand").AssertSuccess().Objects<Ticket>();
        var tags = Session.Run("Get-Tag -Search limit- -Limit 2").AssertSuccess().Objects<Tag>();

        Assert.Equal(new long[] { 1, 2, 3, 4 }, tickets.Select(t => t.Id).OrderBy(i => i));
        Assert.All(tickets, t => Assert.NotNull(t.State));
        Assert.Equal(2, tags.Count);
        Assert.Contains("limit=2", Sandbox.Host.Requests.Entries.Last(e => e.Path.EndsWith("/tag_search")).QueryString);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public void Transient_failures_on_Zammad_are_retried_without_losing_or_repeating_a_ticket(int status)
    {
        var expected = Session.Run("Get-Ticket -PageSize 20").AssertSuccess().Objects<Ticket>().Select(t => t.Id).ToList();
        Sandbox.Host.Requests.Clear();
        Sandbox.Host.Faults.FailNext(2, status);

        var listed = Session.Run("Get-Ticket -PageSize 20").AssertSuccess().Objects<Ticket>().Select(t => t.Id).ToList();

        Assert.Equal(expected, listed);
        Assert.Equal(2, Sandbox.Host.Requests.Count(e => e.StatusCode == status));
    }

    [Fact]
    public void A_persistent_server_error_is_ConnectionFailed_with_the_request_id()
    {
        Session.Run("param($u, $t) Connect-Zammad -Uri $u -Token $t -MaxRetries 0",
            new() { ["u"] = Sandbox.Host.ZammadBaseUri.ToString(), ["t"] = PowerShellSession.Secure(Sandbox.Host.Options.ZammadToken) }).AssertSuccess();
        Sandbox.Host.Faults.FailNext(1, 500);

        var result = Session.Run("Get-Ticket -Id 1");

        var error = result.FirstError;
        Assert.Equal("ConnectionFailed,CaseOps.Cmdlets.Tickets.GetTicketCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
        Assert.Contains("Request id", error.ErrorDetails?.Message ?? error.Exception.Message);
        Assert.Equal(1, Sent("GET", "tickets/1"));
    }
}
