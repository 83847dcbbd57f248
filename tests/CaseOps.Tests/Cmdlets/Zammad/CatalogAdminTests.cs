using System.Management.Automation;
using CaseOps.Tests.Infrastructure;
using CaseOps.Zammad.Models;
using Xunit;

namespace CaseOps.Tests.Cmdlets.Zammad;

/// <summary>Priorities and states: list, create, change, delete, and the name cache that changes invalidate.</summary>
public sealed class CatalogAdminTests : ZammadCmdletTestBase
{
    public CatalogAdminTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    [Fact]
    public void Priorities_and_states_are_listed_by_name_pattern_and_id()
    {
        var priorities = Session.Run("Get-TicketPriority").AssertSuccess().Objects<TicketPriority>();
        var pending = Session.Run("Get-TicketState -Name 'pending*'").AssertSuccess().Objects<TicketState>();
        var byId = Session.Run("Get-TicketState -Id 4").AssertSuccess().Objects<TicketState>().Single();

        Assert.Equal(new[] { "1 low", "2 normal", "3 high" }, priorities.Take(3).Select(p => p.Name));
        Assert.Equal(new[] { "pending reminder", "pending close" }, pending.Select(s => s.Name));
        Assert.Equal("closed", byId.Name);
    }

    [Fact]
    public void A_new_priority_is_usable_by_name_at_once_and_a_rename_too()
    {
        Session.Run("Set-Ticket -Id 6 -Priority '2 normal'").AssertSuccess(); // fills the connection's cache
        var created = Session.Run("New-TicketPriority -Name '4 urgent' -Note 'pages the on-call'").AssertSuccess().Objects<TicketPriority>().Single();

        Assert.Equal("4 urgent", Session.Run("Set-Ticket -Id 6 -Priority '4 urgent' -PassThru").AssertSuccess().Objects<Ticket>().Single().Priority);

        var renamed = Session.Run("Set-TicketPriority -Name '4 urgent' -NewName '4 critical' -Active:$false").AssertSuccess().Objects<TicketPriority>().Single();
        Assert.Equal((created.Id, "4 critical", false), (renamed.Id, renamed.Name, renamed.Active));
        Assert.Equal("4 critical", Session.Run("Set-Ticket -Id 7 -Priority '4 critical' -PassThru").AssertSuccess().Objects<Ticket>().Single().Priority);
    }

    [Fact]
    public void A_new_state_needs_a_known_state_type_and_is_usable_at_once()
    {
        var unknown = Session.Run("New-TicketState -Name 'on hold' -StateType sleeping");
        Assert.Equal("UnknownStateType,CaseOps.Cmdlets.Catalog.NewTicketStateCommand", unknown.FirstError.FullyQualifiedErrorId);
        Assert.Contains("'pending reminder'", unknown.FirstError.ErrorDetails.Message);
        Assert.Equal(0, Sent("POST", "ticket_states"));

        var state = Session.Run("New-TicketState -Name 'waiting for legal' -StateType 'pending action' -IgnoreEscalation").AssertSuccess().Objects<TicketState>().Single();
        Assert.Equal(4, state.StateTypeId);
        Assert.True(state.IgnoreEscalation);
        Assert.Equal("waiting for legal", Session.Run("Set-Ticket -Id 8 -State 'waiting for legal' -PassThru").AssertSuccess().Objects<Ticket>().Single().State);
    }

    [Fact]
    public void Removing_one_in_use_is_refused_clearly_and_an_unused_one_goes()
    {
        Session.Run("Set-Ticket -Id 9 -Priority '1 low'").AssertSuccess();
        var inUse = Session.Run("Remove-TicketPriority -Name '1 low' -Force");

        var error = inUse.FirstError;
        Assert.Equal("PriorityInUse,CaseOps.Cmdlets.Catalog.RemoveTicketPriorityCommand", error.FullyQualifiedErrorId);
        Assert.Contains("references", error.ErrorDetails.Message);
        Assert.Contains("-Active:$false", error.ErrorDetails.RecommendedAction);
        Assert.Contains(Session.Run("Get-TicketPriority").AssertSuccess().Objects<TicketPriority>(), p => p.Name == "1 low");

        var unused = Session.Run("New-TicketState -Name 'short-lived' -StateType open").AssertSuccess().Objects<TicketState>().Single();
        Session.Run("Get-TicketState -Name short-lived | Remove-TicketState -WhatIf").AssertSuccess();
        Assert.Contains(Session.Run("Get-TicketState").AssertSuccess().Objects<TicketState>(), s => s.Id == unused.Id);

        Session.Run($"Remove-TicketState {unused.Id} -Force").AssertSuccess(); // digits are an id

        Assert.DoesNotContain(Session.Run("Get-TicketState").AssertSuccess().Objects<TicketState>(), s => s.Id == unused.Id);
        var gone = Session.Run("Set-Ticket -Id 10 -State short-lived");
        Assert.Equal("UnknownState,CaseOps.Cmdlets.Tickets.SetTicketCommand", gone.FirstError.FullyQualifiedErrorId);
    }

    [Fact]
    public void Administration_needs_admin_rights()
    {
        Session.ConnectZammad(Sandbox.Host, Sandbox.Host.Options.ZammadAgentToken).AssertSuccess();

        var result = Session.Run("New-TicketPriority -Name 'agent made'");

        Assert.Equal("PermissionDenied,CaseOps.Cmdlets.Catalog.NewTicketPriorityCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.NotEmpty(Session.Run("Get-TicketPriority").AssertSuccess().Objects<TicketPriority>());
    }

    [Fact]
    public void Remove_asks_for_confirmation_by_default()
    {
        foreach (var type in new[] { typeof(CaseOps.Cmdlets.Catalog.RemoveTicketPriorityCommand), typeof(CaseOps.Cmdlets.Catalog.RemoveTicketStateCommand) })
            Assert.Equal(ConfirmImpact.High, type.GetCustomAttributes(typeof(CmdletAttribute), false).Cast<CmdletAttribute>().Single().ConfirmImpact);
    }

    [Fact]
    public void Only_priorities_and_states_pipe_in_so_a_piped_ticket_never_names_one()
    {
        var before = Session.Run("Get-TicketPriority").AssertSuccess().Objects<TicketPriority>().Count;

        var result = Session.Run("Get-Ticket -Id 2 | Remove-TicketPriority -Force");

        Assert.NotEmpty(result.Errors);
        Assert.Equal(0, Sent("DELETE", "ticket_priorities"));
        Assert.Equal(before, Session.Run("Get-TicketPriority").AssertSuccess().Objects<TicketPriority>().Count);
    }

    [Fact]
    public void A_plain_name_that_matches_nothing_is_an_error_and_a_pattern_is_not()
    {
        var plain = Session.Run("Get-TicketPriority -Name 'no such priority'");
        var pattern = Session.Run("Get-TicketPriority -Name 'no such*'").AssertSuccess();

        Assert.Equal("PriorityNotFound,CaseOps.Cmdlets.Catalog.GetTicketPriorityCommand", plain.FirstError.FullyQualifiedErrorId);
        Assert.Empty(pattern.Output);
    }

    [Fact]
    public void Names_complete_from_the_right_list()
    {
        string[] Complete(string line) =>
            Session.Run("param($line) (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object CompletionText",
                new() { ["line"] = line }).AssertSuccess().Output.Select(o => (string)o.BaseObject).ToArray();

        Assert.Contains("'2 normal'", Complete("Remove-TicketPriority -Name 2"));
        Assert.Contains("'pending reminder'", Complete("Set-TicketState -Name pend"));
        Assert.DoesNotContain("'2 normal'", Complete("Get-TicketState -Name 2"));
    }

    [Fact]
    public void Default_create_and_a_new_state_type_are_sent()
    {
        var priority = Session.Run("New-TicketPriority -Name '0 default test' -DefaultCreate").AssertSuccess().Objects<TicketPriority>().Single();
        Assert.True(priority.DefaultCreate);
        Assert.True(Read($"ticket_priorities/{priority.Id}").GetProperty("default_create").GetBoolean());

        var state = Session.Run("New-TicketState -Name 'retyped' -StateType open").AssertSuccess().Objects<TicketState>().Single();
        var retyped = Session.Run("Set-TicketState -Name retyped -StateType 'pending action'").AssertSuccess().Objects<TicketState>().Single();

        Assert.Equal(2, state.StateTypeId);
        Assert.Equal((state.Id, 4L), (retyped.Id, retyped.StateTypeId));
    }
}
