using CaseOps.Tests.Infrastructure;
using CaseOps.Zammad.Models;
using Xunit;

namespace CaseOps.Tests.Cmdlets.Zammad;

/// <summary>
/// What -WhatIf and -Confirm say for the ticket cmdlets (docs/architecture.md, "Prompts"): the ticket by number
/// and title, each changed field old -> new by name; and that a -WhatIf run reads at most, never writes.
/// </summary>
public sealed class TicketPromptTests : ZammadCmdletTestBase
{
    private readonly PromptRecordingHost _host = new();
    private readonly PowerShellSession _prompted;

    public TicketPromptTests(SandboxFixture sandbox)
        : base(sandbox)
    {
        _prompted = new PowerShellSession(_host);
        _prompted.ConnectZammad(sandbox.Host).AssertSuccess();
    }

    /// <summary>A new ticket in group Users, state new, priority 2 normal, unassigned; its id and number.</summary>
    private (long Id, string Number) NewTicket(string title)
    {
        var ticket = Session.Run("param($t) New-Ticket -Title $t -Group Users -Customer bob@example.com -State new -Priority '2 normal' -Body 'prompt test'",
            new() { ["t"] = title }).AssertSuccess().Objects<Ticket>().Single();
        Sandbox.Host.Requests.Clear();
        _host.Clear();
        return (ticket.Id, ticket.Number);
    }

    private ScriptResult Run(string script, long id) => _prompted.Run(script, new() { ["id"] = id });

    private int Reads(long id) => Sandbox.Host.Requests.Count(e => e.Method == "GET" && e.Path == $"/zammad/api/v1/tickets/{id}");

    [Fact]
    public void Set_Ticket_WhatIf_shows_each_changed_field_old_to_new_by_name_and_leaves_out_the_unchanged()
    {
        var (id, number) = NewTicket("VPN broken");

        var result = Run("param($id) Set-Ticket -Id $id -Group 'Insider Risk' -State Open -Priority '2 normal' -Owner 4 -Title 'VPN broken' -WhatIf", id).AssertSuccess();

        Assert.Empty(result.Output);
        Assert.Equal(
            $"What if: Performing the operation \"Update Group: 'Users' -> 'Insider Risk'; State: 'new' -> 'open'; Owner: '-' -> 'nicole.braun'\" on target \"Ticket #{number} 'VPN broken'\".",
            Assert.Single(_host.WhatIf));
        Assert.Equal(0, Changes);
        Assert.Equal(1, Reads(id)); // the ticket, read once to name it and its old values
        Assert.Equal("new", ReadTicket(id)!.Value.GetProperty("state").GetString());
    }

    [Fact]
    public void A_piped_ticket_names_itself_and_its_edits_without_a_request()
    {
        var (id, number) = NewTicket("Printer jam");
        _prompted.Run("param($id) $global:t = Get-Ticket -Id $id", new() { ["id"] = id }).AssertSuccess();
        Sandbox.Host.Requests.Clear();

        _prompted.Run("$t.Title = 'Printer jam on floor 2'; $t | Set-Ticket -Priority '3 high' -Property @{ note = 'floor 2' } -WhatIf").AssertSuccess();

        Assert.Equal(
            $"What if: Performing the operation \"Update Title: 'Printer jam' -> 'Printer jam on floor 2'; Priority: '2 normal' -> '3 high'; note: (none) -> 'floor 2'\" on target \"Ticket #{number} 'Printer jam'\".",
            Assert.Single(_host.WhatIf));
        Assert.Equal(0, Sandbox.Host.Requests.Count(e => e.Path.StartsWith("/zammad/api/v1/tickets", StringComparison.Ordinal)));
        Assert.Equal(0, Changes);
    }

    [Fact]
    public void Without_a_prompt_Set_Ticket_reads_nothing_extra_and_writes_nothing_unless_PassThru()
    {
        var (id, _) = NewTicket("Quiet change");

        var quiet = Run("param($id) Set-Ticket -Id $id -State open", id).AssertSuccess();
        var passed = Run("param($id) Set-Ticket -Id $id -State closed -PassThru", id).AssertSuccess();

        Assert.Empty(quiet.Output);
        Assert.Equal("closed", Assert.Single(passed.Objects<Ticket>()).State);
        Assert.Empty(_host.WhatIf);
        Assert.Empty(_host.Questions);
        Assert.Equal(0, Reads(id));
        Assert.Equal(2, Sent("PUT", $"tickets/{id}"));
    }

    [Fact]
    public void Remove_Ticket_names_the_ticket_in_WhatIf_and_in_its_confirmation()
    {
        var (id, number) = NewTicket("Short-lived");

        Run("param($id) Remove-Ticket -Id $id -WhatIf", id).AssertSuccess();
        Run("param($id) Remove-Ticket -Id $id", id).AssertSuccess(); // ConfirmImpact High: asks, and the host says No

        var target = $"\"Delete\" on target \"Ticket #{number} 'Short-lived'\".";
        Assert.Equal("What if: Performing the operation " + target, Assert.Single(_host.WhatIf));
        Assert.EndsWith("Performing the operation " + target, Assert.Single(_host.Questions));
        Assert.Equal(0, Changes);
        Assert.Equal(2, Reads(id)); // once per prompt

        Run("param($id) Remove-Ticket -Id $id -Force", id).AssertSuccess();
        Assert.Equal(2, Reads(id)); // -Force asks nothing, so it reads nothing
        Assert.Equal(1, Sent("DELETE", $"tickets/{id}"));
        Assert.Null(ReadTicket(id));
    }

    [Fact]
    public void Tag_link_article_and_time_prompts_name_the_tickets()
    {
        var (id, number) = NewTicket("Lost badge");
        var (other, otherNumber) = NewTicket("Badge printer");
        var target = $" on target \"Ticket #{number} 'Lost badge'\".";

        _prompted.Run("param($id, $other) Add-TicketTag -TicketId $id -Name vpn, ' urgent ' -WhatIf; Remove-TicketTag $id -Name vpn -WhatIf; " +
            "Add-TicketLink $id $other -LinkType parent -WhatIf; Remove-TicketLink $id $other -LinkType parent -WhatIf; " +
            "Add-TicketArticle $id -Body 'Called back' -Internal -WhatIf; Add-TicketTimeAccounting $id 15 -WhatIf",
            new() { ["id"] = id, ["other"] = other }).AssertSuccess();

        Assert.Equal(new[]
        {
            "What if: Performing the operation \"Add tags 'vpn', 'urgent'\"" + target,
            "What if: Performing the operation \"Remove tag 'vpn'\"" + target,
            $"What if: Performing the operation \"Link Ticket #{otherNumber} 'Badge printer' as its parent\"" + target,
            $"What if: Performing the operation \"Remove the parent link to Ticket #{otherNumber} 'Badge printer'\"" + target,
            "What if: Performing the operation \"Add an internal note article: 'Called back'\"" + target,
            "What if: Performing the operation \"Account 15\"" + target,
        }, _host.WhatIf);
        Assert.Equal(0, Changes);
    }

    [Fact]
    public void Catalog_Set_shows_the_changed_fields_of_the_state_old_to_new()
    {
        _prompted.Run("Set-TicketState -Name 'pending close' -NewName 'closing soon' -Note 'closes itself' -Active:$true -WhatIf; " +
            "Get-TicketPriority -Name '3 high' | Set-TicketPriority -NewName '3 higher' -Active:$false -WhatIf; " +
            "Remove-TicketPriority -Id 1 -WhatIf; New-TicketState -Name 'waiting for legal' -StateType 'pending action' -WhatIf").AssertSuccess();

        Assert.Equal(new[]
        {
            "What if: Performing the operation \"Update Name: 'pending close' -> 'closing soon'; Note: (none) -> 'closes itself'\" on target \"Ticket state 'pending close'\".",
            "What if: Performing the operation \"Update Name: '3 high' -> '3 higher'; Active: true -> false\" on target \"Ticket priority '3 high'\".",
            "What if: Performing the operation \"Delete\" on target \"Ticket priority '1 low'\".",
            "What if: Performing the operation \"Create with StateType -> 'pending action'\" on target \"Ticket state 'waiting for legal'\".",
        }, _host.WhatIf);
        Assert.Equal(0, Changes);
    }

    [Fact]
    public void An_unknown_name_fails_the_WhatIf_as_it_would_fail_the_change()
    {
        var (id, _) = NewTicket("Typo");

        var result = Run("param($id) Set-Ticket -Id $id -State clsoed -WhatIf", id);

        Assert.Equal("UnknownState,CaseOps.Cmdlets.Tickets.SetTicketCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.Empty(_host.WhatIf);
        Assert.Equal(0, Changes);
    }

    public override void Dispose()
    {
        _prompted.Dispose();
        base.Dispose();
    }
}
