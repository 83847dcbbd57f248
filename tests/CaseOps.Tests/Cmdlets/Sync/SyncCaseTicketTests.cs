using CaseOps.Sync.Models;
using CaseOps.Tests.Infrastructure;
using Xunit;

namespace CaseOps.Tests.Cmdlets.Sync;

/// <summary>Sync-CaseTicket against both emulated APIs (docs/architecture.md, "Sync-CaseTicket").</summary>
public sealed class SyncCaseTicketTests : ZammadCmdletTestBase
{
    private const string Sync = "Get-Case -First 5 | Sync-CaseTicket -Group Users -Customer bob@example.com";

    public SyncCaseTicketTests(SandboxFixture sandbox)
        : base(sandbox)
    {
        Session.ConnectIncydr(sandbox.Host).AssertSuccess();
        Sandbox.Host.Requests.Clear();
    }

    [Fact]
    public void Five_cases_make_five_tagged_tickets_and_a_second_run_writes_nothing()
    {
        var numbers = Session.Run("Get-Case -First 5 | ForEach-Object Number").AssertSuccess().Output.Select(o => (long)o.BaseObject).ToList();
        Sandbox.Host.Requests.Clear();

        var first = Session.Run(Sync).AssertSuccess().Objects<CaseTicketSyncResult>();

        Assert.Equal(5, first.Count);
        Assert.All(first, r => Assert.Equal(CaseTicketSyncAction.Created, r.Action));
        Assert.Equal(numbers.Order(), first.Select(r => r.CaseNumber).Order());
        Assert.Equal(5, Sent("POST", "tickets"));
        foreach (var result in first)
        {
            Assert.Equal(new[] { "incydr-case-" + result.CaseNumber }, TagsOf(result.TicketId!.Value));
            Assert.StartsWith($"Case {result.CaseNumber}: ", ReadTicket(result.TicketId.Value)!.Value.GetProperty("title").GetString(), StringComparison.Ordinal);
        }

        Sandbox.Host.Requests.Clear();
        var second = Session.Run(Sync).AssertSuccess().Objects<CaseTicketSyncResult>();

        Assert.Equal(5, second.Count);
        Assert.All(second, r => Assert.Equal(CaseTicketSyncAction.Unchanged, r.Action));
        Assert.Equal(first.Select(r => (r.CaseNumber, r.TicketId)).OrderBy(p => p.CaseNumber), second.Select(r => (r.CaseNumber, r.TicketId)).OrderBy(p => p.CaseNumber));
        Assert.Equal(0, Sandbox.Host.Requests.Count(e => e.Method != "GET"));
        Assert.Equal(1, Sent("GET", "tickets/search"));
    }

    [Fact]
    public void WhatIf_creates_no_ticket_and_sends_no_write()
    {
        var result = Session.Run(Sync + " -WhatIf").AssertSuccess();

        Assert.Empty(result.Objects<CaseTicketSyncResult>());
        Assert.Equal(0, Sandbox.Host.Requests.Count(e => e.Method != "GET"));
        Assert.Equal(1, Sent("GET", "tickets/search"));
    }

    [Fact]
    public void Changed_findings_add_one_note_and_the_next_run_is_unchanged()
    {
        var created = Session.Run(Sync).AssertSuccess().Objects<CaseTicketSyncResult>();
        var open = OpenCase();
        var changed = created.Single(r => r.CaseNumber == open);
        Session.Run("param($n) Set-Case -Number $n -Findings 'New findings from the sync test'", new() { ["n"] = changed.CaseNumber }).AssertSuccess();
        Sandbox.Host.Requests.Clear();

        var second = Session.Run(Sync).AssertSuccess().Objects<CaseTicketSyncResult>();
        var third = Session.Run(Sync).AssertSuccess().Objects<CaseTicketSyncResult>();

        var updated = Assert.Single(second, r => r.Action == CaseTicketSyncAction.Updated);
        Assert.Equal(changed.CaseNumber, updated.CaseNumber);
        Assert.Equal(new[] { "note" }, updated.Changes);
        Assert.Equal(1, Sent("PUT", "tickets/"));
        Assert.Equal(1, Sandbox.Host.Requests.Count(e => e.Method != "GET" && e.Path.StartsWith("/zammad/", StringComparison.Ordinal)));
        Assert.All(third, r => Assert.Equal(CaseTicketSyncAction.Unchanged, r.Action));
        var notes = Read($"ticket_articles/by_ticket/{changed.TicketId}").EnumerateArray().Select(a => a.GetProperty("body").GetString()!).ToList();
        Assert.Equal(2, notes.Count);
        Assert.Contains("New findings from the sync test", notes[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_renamed_case_and_a_closed_ticket_of_an_open_case_are_mirrored_in_one_update()
    {
        var created = Session.Run(Sync).AssertSuccess().Objects<CaseTicketSyncResult>();
        var open = OpenCase();
        var ticketId = created.Single(r => r.CaseNumber == open).TicketId!.Value;
        Session.Run("param($n, $t) Set-Case -Number $n -Name 'Renamed by the sync test'; Set-Ticket -Id $t -State closed",
            new() { ["n"] = open, ["t"] = ticketId }).AssertSuccess();
        Sandbox.Host.Requests.Clear();

        var second = Session.Run(Sync + " -StateMap @{ Open = 'open' }").AssertSuccess().Objects<CaseTicketSyncResult>();

        var updated = Assert.Single(second, r => r.Action == CaseTicketSyncAction.Updated);
        Assert.Equal(new[] { "title", "state:open" }, updated.Changes);
        Assert.Equal(1, Sent("PUT", "tickets/"));
        var ticket = ReadTicket(ticketId)!.Value;
        Assert.Equal($"Case {open}: Renamed by the sync test", ticket.GetProperty("title").GetString());
        Assert.Equal("open", ticket.GetProperty("state").GetString());
    }

    [Fact]
    public void A_StateMap_key_that_is_no_case_status_stops_the_command_before_any_request()
    {
        var result = Session.Run(Sync + " -StateMap @{ Pending = 'open' }");

        Assert.Equal("InvalidStateMap,CaseOps.Cmdlets.Sync.SyncCaseTicketCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.Empty(result.Objects<CaseTicketSyncResult>());
        Assert.Equal(0, Sandbox.Host.Requests.Count(e => e.Path.StartsWith("/zammad/", StringComparison.Ordinal)));
    }

    private long OpenCase() =>
        (long)Session.Run("@(Get-Case -First 5).Where({ $_.Status -eq 'Open' }, 'First')[0].Number").AssertSuccess().Output.Single().BaseObject;
}
