using CaseOps.Sync.Models;
using CaseOps.Tests.Infrastructure;
using Xunit;

namespace CaseOps.Tests.Cmdlets.Sync;

/// <summary>
/// Sync-CaseTicket against both emulated APIs (docs/architecture.md, "Sync-CaseTicket"). Each test keys its
/// tickets with its own -KeyPrefix, so tickets another test of the class made are not its own.
/// </summary>
public sealed class SyncCaseTicketTests : ZammadCmdletTestBase, IDisposable
{
    private readonly string _prefix = "t" + Guid.NewGuid().ToString("N")[..8] + "-";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "caseops-sync-tests-" + Guid.NewGuid().ToString("N"));

    public SyncCaseTicketTests(SandboxFixture sandbox)
        : base(sandbox)
    {
        Session.ConnectIncydr(sandbox.Host).AssertSuccess();
        Directory.CreateDirectory(_folder);
        Sandbox.Host.Requests.Clear();
    }

    private string Checkpoint => Path.Combine(_folder, "watermark.txt");

    /// <summary>The 20 most recently changed cases, piped oldest change first.</summary>
    private static string Twenty => "& { $c = @(Get-Case -SortBy UpdatedAt -Descending -First 20); [array]::Reverse($c); $c }";

    private string SyncArgs => $"-Group Users -Customer bob@example.com -KeyPrefix {_prefix}";

    [Fact]
    public void Twenty_cases_make_twenty_tagged_tickets_and_a_second_run_writes_nothing()
    {
        var cases = Numbers(Twenty);

        var first = Run($"{Twenty} | Sync-CaseTicket {SyncArgs}");

        Assert.Equal(20, first.Count);
        Assert.All(first, r => Assert.Equal(CaseTicketSyncAction.Created, r.Action));
        Assert.Equal(cases, first.Select(r => r.CaseNumber));
        Assert.Equal(20, Sent("POST", "tickets"));
        Assert.Equal(20, CaseReads);
        Assert.Equal(20, first.Select(r => r.TicketId).Distinct().Count());
        foreach (var result in first.Take(3))
        {
            Assert.Equal(new[] { _prefix + result.CaseNumber }, TagsOf(result.TicketId!.Value));
            Assert.StartsWith($"Case {result.CaseNumber}: ", ReadTicket(result.TicketId.Value)!.Value.GetProperty("title").GetString(), StringComparison.Ordinal);
            var note = Assert.Single(Read($"ticket_articles/by_ticket/{result.TicketId}").EnumerateArray());
            Assert.True(note.GetProperty("internal").GetBoolean());
            Assert.Contains($"caseops-sync: key={_prefix}{result.CaseNumber} content=", note.GetProperty("body").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(first.Max(r => r.CaseUpdatedAt), first[^1].Watermark);
        Sandbox.Host.Requests.Clear();

        var second = Run($"{Twenty} | Sync-CaseTicket {SyncArgs}");

        Assert.All(second, r => Assert.Equal(CaseTicketSyncAction.Unchanged, r.Action));
        Assert.Equal(first.Select(r => (r.CaseNumber, r.TicketId)), second.Select(r => (r.CaseNumber, r.TicketId)));
        Assert.Equal(0, Sandbox.Host.Requests.Count(e => e.Method != "GET"));
        // The whole budget of an unchanged run on the Zammad side: one search, one article read per ticket.
        Assert.Equal(1, Sent("GET", "tickets/search"));
        Assert.Equal(20, Sent("GET", "ticket_articles/by_ticket/"));
        Assert.Equal(21, Sandbox.Host.Requests.Count(e => e.Path.StartsWith("/zammad/", StringComparison.Ordinal)));
        // The listed cases lack description and findings, but each ticket's marker says it was written at this updatedAt.
        Assert.Equal(0, CaseReads);
        Assert.Equal(20, TicketsTagged(cases));
    }

    [Fact]
    public void A_hundred_unchanged_cases_cost_one_listing_page_two_searches_and_a_hundred_article_reads()
    {
        const string hundred = "Get-Case -SortBy UpdatedAt -First 100";
        Assert.All(Run($"{hundred} | Sync-CaseTicket {SyncArgs}"), r => Assert.Equal(CaseTicketSyncAction.Created, r.Action));
        Sandbox.Host.Requests.Clear();

        var again = Run($"{hundred} | Sync-CaseTicket {SyncArgs}");

        Assert.Equal(100, again.Count(r => r.Action == CaseTicketSyncAction.Unchanged));
        Assert.Equal(0, Sandbox.Host.Requests.Count(e => e.Method != "GET"));
        Assert.Equal(1, Sandbox.Host.Requests.Count(e => e.Path == "/v1/cases"));
        Assert.Equal(0, CaseReads);
        Assert.Equal(2, Sent("GET", "tickets/search"));
        Assert.Equal(100, Sent("GET", "ticket_articles/by_ticket/"));
        Assert.Equal(103, Sandbox.Host.Requests.Count(_ => true));
    }

    [Fact]
    public void WhatIf_sends_no_write_and_creates_nothing()
    {
        var result = Session.Run($"{Twenty} | Sync-CaseTicket {SyncArgs} -WhatIf").AssertSuccess();

        Assert.Empty(result.Objects<CaseTicketSyncResult>());
        Assert.Equal(0, Sandbox.Host.Requests.Count(e => e.Method != "GET"));
        Assert.Equal(1, Sent("GET", "tickets/search"));
        Assert.Equal(0, TicketsTagged(Numbers(Twenty)));
    }

    [Fact]
    public void Changed_findings_add_one_note_and_the_next_run_is_unchanged()
    {
        var created = Run($"{Twenty} | Sync-CaseTicket {SyncArgs}");
        var changed = created.First(r => Status(r.CaseNumber) == "Open");
        Session.Run("param($n) Set-Case -Number $n -Findings 'New findings from the sync test'", new() { ["n"] = changed.CaseNumber }).AssertSuccess();
        Sandbox.Host.Requests.Clear();

        var second = Run($"{Twenty} | Sync-CaseTicket {SyncArgs}");
        var third = Run($"{Twenty} | Sync-CaseTicket {SyncArgs}");

        var updated = Assert.Single(second, r => r.Action != CaseTicketSyncAction.Unchanged);
        Assert.Equal(CaseTicketSyncAction.Updated, updated.Action);
        Assert.Equal(changed.CaseNumber, updated.CaseNumber);
        Assert.Equal(new[] { "note" }, updated.Changes);
        Assert.Equal(1, Sandbox.Host.Requests.Count(e => e.Method != "GET" && e.Path.StartsWith("/zammad/", StringComparison.Ordinal)));
        Assert.All(third, r => Assert.Equal(CaseTicketSyncAction.Unchanged, r.Action));
        var notes = Read($"ticket_articles/by_ticket/{changed.TicketId}").EnumerateArray().Select(a => a.GetProperty("body").GetString()!).ToList();
        Assert.Equal(2, notes.Count);
        Assert.Contains("New findings from the sync test", notes[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_renamed_case_and_a_closed_ticket_of_an_open_case_are_mirrored_in_one_update()
    {
        var created = Run($"{Twenty} | Sync-CaseTicket {SyncArgs}");
        var open = created.First(r => Status(r.CaseNumber) == "Open");
        var ticketId = open.TicketId!.Value;
        Session.Run("param($n, $t) Set-Case -Number $n -Name 'Renamed by the sync test'; Set-Ticket -Id $t -State closed",
            new() { ["n"] = open.CaseNumber, ["t"] = ticketId }).AssertSuccess();
        Sandbox.Host.Requests.Clear();

        var second = Run($"{Twenty} | Sync-CaseTicket {SyncArgs} -StateMap @{{ Open = 'open' }}");

        var updated = Assert.Single(second, r => r.Action != CaseTicketSyncAction.Unchanged);
        Assert.Equal(CaseTicketSyncAction.Updated, updated.Action);
        Assert.Equal(new[] { "title", "state:open" }, updated.Changes);
        Assert.Equal(1, Sent("PUT", "tickets/"));
        var ticket = ReadTicket(ticketId)!.Value;
        Assert.Equal($"Case {open.CaseNumber}: Renamed by the sync test", ticket.GetProperty("title").GetString());
        Assert.Equal("open", ticket.GetProperty("state").GetString());
    }

    [Fact]
    public void Closing_a_case_attaches_its_summary_once_and_closes_the_ticket()
    {
        var created = Run($"{Twenty} | Sync-CaseTicket {SyncArgs}");
        var open = created.First(r => Status(r.CaseNumber) == "Open");
        Session.Run("param($n) Set-Case -Number $n -Status Closed -Confirm:$false", new() { ["n"] = open.CaseNumber }).AssertSuccess();
        Sandbox.Host.Requests.Clear();

        var closed = Assert.Single(Run($"Sync-CaseTicket -Number {open.CaseNumber} {SyncArgs}"));
        var again = Assert.Single(Run($"Sync-CaseTicket -Number {open.CaseNumber} {SyncArgs}"));

        Assert.Equal(CaseTicketSyncAction.Closed, closed.Action);
        Assert.Equal(new[] { "pdf", "state:closed" }, closed.Changes);
        Assert.Equal(open.TicketId, closed.TicketId);
        Assert.Equal(CaseTicketSyncAction.Unchanged, again.Action);
        Assert.Equal(1, Sandbox.Host.Requests.Count(e => e.Path == $"/v1/cases/{open.CaseNumber}/export"));
        Assert.Equal(1, Sent("POST", "ticket_articles"));
        Assert.Equal(1, Sent("PUT", "tickets/"));
        Assert.Equal("closed", ReadTicket(open.TicketId!.Value)!.Value.GetProperty("state").GetString());
        var attachments = Read($"ticket_articles/by_ticket/{open.TicketId}").EnumerateArray()
            .SelectMany(a => a.GetProperty("attachments").EnumerateArray()).ToList();
        var pdf = Assert.Single(attachments);
        Assert.Equal($"Case-{open.CaseNumber}.pdf", pdf.GetProperty("filename").GetString());
        Assert.True(long.Parse(pdf.GetProperty("size").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public void A_closed_case_never_synced_gets_a_ticket_its_summary_and_the_closed_state_in_one_run()
    {
        var number = (long)Session.Run("(Get-Case -Status Closed -First 1).Number").AssertSuccess().Output.Single().BaseObject;

        var result = Assert.Single(Run($"Sync-CaseTicket -Number {number} {SyncArgs}"));

        Assert.Equal(CaseTicketSyncAction.Created, result.Action);
        Assert.Equal(new[] { "ticket", "pdf", "state:closed" }, result.Changes);
        Assert.Equal("closed", ReadTicket(result.TicketId!.Value)!.Value.GetProperty("state").GetString());
        Assert.Equal(2, Read($"ticket_articles/by_ticket/{result.TicketId}").GetArrayLength());
    }

    [Fact]
    public void A_run_stopped_after_seven_cases_resumes_from_the_checkpoint_without_a_duplicate()
    {
        var cases = Numbers(Twenty);
        var since = Session.Run($"({Twenty})[0].UpdatedAt").AssertSuccess().Output.Single().BaseObject;
        var sync = $"Sync-CaseTicket {SyncArgs} -CheckpointPath '{Checkpoint}'";

        // The downstream command ends the pipeline after the 7th result, as a killed job would.
        var cut = Session.Run($"param($since) $n = 0; {sync} -UpdatedAfter $since | ForEach-Object {{ $_; $n++; if ($n -eq 7) {{ throw 'killed' }} }}",
            new() { ["since"] = since });
        var done = cut.Objects<CaseTicketSyncResult>();
        Assert.Equal(7, done.Count);
        Assert.Equal(done[^1].Watermark, DateTimeOffset.Parse(File.ReadAllText(Checkpoint).Trim(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(7, Sent("POST", "tickets"));

        var resumed = Run(sync);

        Assert.Equal(cases.Skip(6), resumed.Select(r => r.CaseNumber));
        Assert.Equal(CaseTicketSyncAction.Unchanged, resumed[0].Action);
        Assert.All(resumed.Skip(1), r => Assert.Equal(CaseTicketSyncAction.Created, r.Action));
        Assert.Equal(20, Sent("POST", "tickets"));
        Assert.Equal(20, TicketsTagged(cases));
        Assert.Equal(resumed[^1].Watermark, DateTimeOffset.Parse(File.ReadAllText(Checkpoint).Trim(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new[] { "watermark.txt" }, Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void A_lost_create_answer_fails_that_case_only_and_the_next_run_finds_its_ticket()
    {
        var cases = Numbers(Twenty);
        Sandbox.Host.Faults.LoseNextAnswers(1, "POST", "/zammad/api/v1/tickets");

        var result = Session.Run($"{Twenty} | Sync-CaseTicket {SyncArgs} -CheckpointPath '{Checkpoint}'");
        var first = result.Objects<CaseTicketSyncResult>();

        var failed = Assert.Single(first, r => r.Action == CaseTicketSyncAction.Failed);
        Assert.Equal(cases[0], failed.CaseNumber);
        Assert.Equal(19, first.Count(r => r.Action == CaseTicketSyncAction.Created));
        var error = Assert.Single(result.Errors);
        // The dropped connection keeps the module's id for it; the record names the case it belongs to.
        Assert.Equal("ConnectionFailed,CaseOps.Cmdlets.Sync.SyncCaseTicketCommand", error.FullyQualifiedErrorId);
        Assert.Equal(cases[0], Assert.IsType<CaseOps.Incydr.Models.Case>(error.TargetObject).Number);
        // The first case failed, so no watermark may pass it.
        Assert.All(first, r => Assert.Null(r.Watermark));
        Assert.False(File.Exists(Checkpoint));

        var second = Run($"{Twenty} | Sync-CaseTicket {SyncArgs}");

        Assert.All(second, r => Assert.Equal(CaseTicketSyncAction.Unchanged, r.Action));
        Assert.Equal(20, TicketsTagged(cases));
    }

    [Fact]
    public void A_checkpoint_that_holds_no_watermark_stops_the_command_before_any_request()
    {
        File.WriteAllText(Checkpoint, "not a date");

        var result = Session.Run($"Sync-CaseTicket {SyncArgs} -CheckpointPath '{Checkpoint}'");

        Assert.Equal("InvalidCheckpoint,CaseOps.Cmdlets.Sync.SyncCaseTicketCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.Equal(0, Sandbox.Host.Requests.Count(_ => true));
    }

    [Fact]
    public void A_StateMap_key_that_is_no_case_status_stops_the_command_before_any_request()
    {
        var result = Session.Run($"{Twenty} | Sync-CaseTicket {SyncArgs} -StateMap @{{ Pending = 'open' }}");

        Assert.Equal("InvalidStateMap,CaseOps.Cmdlets.Sync.SyncCaseTicketCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.Empty(result.Objects<CaseTicketSyncResult>());
        Assert.Equal(0, Sandbox.Host.Requests.Count(e => e.Path.StartsWith("/zammad/", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_unknown_group_ends_the_command_with_nothing_created()
    {
        var result = Session.Run($"{Twenty} | Sync-CaseTicket -Group 'No such group' -Customer bob@example.com -KeyPrefix {_prefix}");

        Assert.Equal("UnknownGroup", result.FirstError.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(0, Sent("POST", "tickets"));
    }

    public override void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        base.Dispose();
    }

    /// <summary>Reads of one case by number (GET /v1/cases/{number}).</summary>
    private int CaseReads => Sandbox.Host.Requests.Count(e => e.Method == "GET" && System.Text.RegularExpressions.Regex.IsMatch(e.Path, "^/v1/cases/[0-9]+$"));

    private IReadOnlyList<CaseTicketSyncResult> Run(string script) => Session.Run(script).AssertSuccess().Objects<CaseTicketSyncResult>();

    private List<long> Numbers(string listing) =>
        Session.Run(listing + " | ForEach-Object Number").AssertSuccess().Output.Select(o => (long)o.BaseObject).ToList();

    private string Status(long number) =>
        Session.Run($"(Get-Case -Number {number}).Status.ToString()").AssertSuccess().Output.Single().BaseObject.ToString()!;

    /// <summary>Tickets carrying one of the cases' tags, read by the emulator's own search (not the module's).</summary>
    private int TicketsTagged(IEnumerable<long> cases)
    {
        var query = Uri.EscapeDataString(string.Join(" OR ", cases.Select(n => $"tags:\"{_prefix}{n}\"")));
        return Read($"tickets/search?query={query}&expand=true&per_page=200").GetArrayLength();
    }
}
