using System.Management.Automation;
using CaseOps.Incydr.Models;
using CaseOps.Tests.Infrastructure;
using Xunit;
using SandboxCaseStatus = CaseOps.Sandbox.Incydr.CaseStatus;

namespace CaseOps.Tests.Cmdlets.FileEvents;

/// <summary>Get-, Add- and Remove-CaseFileEvent against the emulator.</summary>
public sealed class FileEventTests : CmdletTestBase
{
    public FileEventTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private CaseOps.Sandbox.Incydr.FileEvents.FileEventStore Events => Sandbox.Host.FileEvents;

    private int Sent(string method, string suffix) =>
        Sandbox.Host.Requests.Count(e => e.Method == method && e.Path.StartsWith("/v1/cases/", StringComparison.Ordinal) && e.Path.Contains(suffix, StringComparison.Ordinal));

    private long CaseWithEvents(int atLeast) =>
        Sandbox.Host.Cases.Snapshot().First(c => Events.EventsOf(c.Number).Count >= atLeast).Number;

    private long NewOpenCase() =>
        Session.Run("param($n) (New-Case -Name $n).Number", new() { ["n"] = "Events " + Guid.NewGuid().ToString("N")[..10] }).AssertSuccess().Output.Select(o => (long)o.BaseObject).Single();

    private string[] UnattachedIds(int count) =>
        Events.PoolIds.Where(id => Sandbox.Host.Cases.Snapshot().All(c => !Events.IsOnCase(c.Number, id))).Take(count).ToArray();

    [Fact]
    public void Listing_streams_the_cases_events_in_order_in_pages()
    {
        var number = CaseWithEvents(7);
        var expected = Events.EventsOf(number);

        var listed = Session.Run("param($n) Get-CaseFileEvent -CaseNumber $n -PageSize 3", new() { ["n"] = number }).AssertSuccess().Objects<CaseFileEvent>();

        Assert.Equal(expected, listed.Select(e => e.EventId));
        Assert.All(listed, e => Assert.Equal(number, e.CaseNumber));
        Assert.All(listed, e => Assert.Equal(Events.FileNameOf(e.EventId), e.FileName));
        Assert.Equal((expected.Count + 2) / 3, Sent("GET", "/fileevent"));
    }

    [Fact]
    public void First_and_Skip_page_through_the_events()
    {
        var number = CaseWithEvents(6);
        var expected = Events.EventsOf(number).Skip(2).Take(3);

        var listed = Session.Run("param($n) Get-CaseFileEvent $n -Skip 2 -First 3 -PageSize 2", new() { ["n"] = number }).AssertSuccess().Objects<CaseFileEvent>();

        Assert.Equal(expected, listed.Select(e => e.EventId));
    }

    [Fact]
    public void Piped_cases_list_their_events_and_piped_events_give_their_detail()
    {
        var number = CaseWithEvents(2);
        var ids = Events.EventsOf(number);

        var details = Session.Run("param($n) Get-Case -Number $n | Get-CaseFileEvent | Get-CaseFileEvent", new() { ["n"] = number }).AssertSuccess().Objects<FileEventDetail>();

        Assert.Equal(ids, details.Select(d => d.EventId));
        var first = details[0];
        Assert.Equal(number, first.CaseNumber);
        Assert.Equal(Events.FileNameOf(first.EventId!), first.File!.Name);
        Assert.NotNull(first.User?.Email);
        Assert.NotNull(first.Risk?.Severity);
        Assert.NotNull(first.Timestamp);
    }

    [Fact]
    public void The_detail_shows_untrusted_values_as_five_lists()
    {
        var pool = Events.PoolIds.Select(id => Events.Find(id)!).ToArray();
        var upload = pool.First(e => e.Channel.Browser && !e.Trusted);
        var usb = pool.First(e => e.Channel.RemovableMedia);
        var number = NewOpenCase();
        Events.Attach(number, upload.Id, usb.Id);

        var details = Session.Run("param($n, $ids) Get-CaseFileEvent -CaseNumber $n -EventId $ids", new() { ["n"] = number, ["ids"] = new[] { upload.Id, usb.Id } })
            .AssertSuccess().Objects<FileEventDetail>();

        var uploaded = details[0].Risk!.UntrustedValues!;
        var domain = upload.Channel.Destinations[upload.DestinationIndex].Domains[0];
        Assert.Equal(new[] { domain }, uploaded.Domains);
        Assert.Equal(new[] { domain + "/upload" }, uploaded.UrlPaths);
        Assert.Equal(domain + "; " + domain + "/upload", uploaded.ToString());
        var copied = details[1].Risk!.UntrustedValues!;
        Assert.All(new[] { copied.AccountNames, copied.Domains, copied.GitRepositoryUris, copied.SlackWorkspaces, copied.UrlPaths }, list => Assert.Empty(list!));
        Assert.DoesNotContain("untrustedValues", details[0].Risk!.GetAdditionalProperties().Keys.Cast<string>());
    }

    [Fact]
    public void Unknown_cases_and_events_are_ObjectNotFound_naming_them()
    {
        var number = CaseWithEvents(1);

        var missingCase = Session.Run("Get-CaseFileEvent -CaseNumber 987654");
        var missingEvent = Session.Run("param($n) Get-CaseFileEvent -CaseNumber $n -EventId no-such-event", new() { ["n"] = number });

        Assert.Equal("CaseNotFound,CaseOps.Cmdlets.FileEvents.GetCaseFileEventCommand", missingCase.FirstError.FullyQualifiedErrorId);
        Assert.Contains("Case 987654", missingCase.FirstError.ErrorDetails.Message);
        Assert.Equal("FileEventNotFound,CaseOps.Cmdlets.FileEvents.GetCaseFileEventCommand", missingEvent.FirstError.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, missingEvent.FirstError.CategoryInfo.Category);
        Assert.Contains("no-such-event", missingEvent.FirstError.ErrorDetails.Message);
    }

    [Fact]
    public void Adding_500_ids_from_the_pipeline_uses_batched_requests_and_twice_changes_nothing()
    {
        var number = NewOpenCase();
        var ids = UnattachedIds(500);
        Sandbox.Host.Requests.Clear();

        Session.Run("param($n, $ids) $ids | Add-CaseFileEvent -CaseNumber $n", new() { ["n"] = number, ["ids"] = ids }).AssertSuccess();

        Assert.Equal(ids, Events.EventsOf(number));
        Assert.Equal(5, Sent("POST", "/fileevent"));
        Assert.Equal(1, Sent("GET", "/fileevent"));

        Sandbox.Host.Requests.Clear();
        var again = Session.Run("param($n, $ids) $ids | Add-CaseFileEvent -CaseNumber $n -Verbose", new() { ["n"] = number, ["ids"] = ids.Take(3).ToArray() }).AssertSuccess();

        Assert.Equal(0, Sent("POST", "/fileevent"));
        Assert.Contains(again.Verbose, v => v.Contains("already on case"));
        Assert.Equal(500, Events.EventsOf(number).Count);
    }

    [Fact]
    public void Adding_to_a_closed_case_is_CaseClosed()
    {
        var number = NewOpenCase();
        Session.Run("param($n) Set-Case -Number $n -Status Closed", new() { ["n"] = number }).AssertSuccess();

        var result = Session.Run("param($n, $id) Add-CaseFileEvent -CaseNumber $n -EventId $id", new() { ["n"] = number, ["id"] = UnattachedIds(1)[0] });

        Assert.Equal("CaseClosed,CaseOps.Cmdlets.FileEvents.AddCaseFileEventCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.Empty(Events.EventsOf(number));
    }

    [Fact]
    public void Adding_an_unknown_event_is_FileEventNotFound_naming_it_and_nothing_is_added()
    {
        var number = NewOpenCase();
        var known = UnattachedIds(1)[0];

        var result = Session.Run("param($n, $id) Add-CaseFileEvent -CaseNumber $n -EventId $id, 'made-up-event-7'", new() { ["n"] = number, ["id"] = known });

        Assert.Equal("FileEventNotFound,CaseOps.Cmdlets.FileEvents.AddCaseFileEventCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.Contains("made-up-event-7", result.FirstError.ErrorDetails.Message);
        Assert.Empty(Events.EventsOf(number));
    }

    [Fact]
    public void Remove_detaches_piped_events_and_WhatIf_does_not()
    {
        var number = NewOpenCase();
        var ids = UnattachedIds(3);
        Events.Attach(number, ids);

        Session.Run("param($n) Get-CaseFileEvent $n | Remove-CaseFileEvent -WhatIf", new() { ["n"] = number }).AssertSuccess();
        Assert.Equal(3, Events.EventsOf(number).Count);

        Session.Run("param($n, $id) Get-CaseFileEvent $n | Where-Object EventId -ne $id | Remove-CaseFileEvent", new() { ["n"] = number, ["id"] = ids[1] }).AssertSuccess();

        Assert.Equal(new[] { ids[1] }, Events.EventsOf(number));
        Assert.Equal(2, Sent("DELETE", "/fileevent/"));
    }

    [Fact]
    public void Removing_an_event_that_is_not_on_the_case_is_FileEventNotFound()
    {
        var number = NewOpenCase();

        var result = Session.Run("param($n) Remove-CaseFileEvent -CaseNumber $n -EventId not-attached", new() { ["n"] = number });

        Assert.Equal("FileEventNotFound,CaseOps.Cmdlets.FileEvents.RemoveCaseFileEventCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.Equal("not-attached", result.FirstError.TargetObject);
    }

    [Fact]
    public void Detaching_from_a_closed_case_says_the_case_is_closed()
    {
        var number = NewOpenCase();
        var id = UnattachedIds(1)[0];
        Events.Attach(number, id);
        Session.Run("param($n) Set-Case -Number $n -Status Closed", new() { ["n"] = number }).AssertSuccess();

        var result = Session.Run("param($n, $id) Remove-CaseFileEvent -CaseNumber $n -EventId $id", new() { ["n"] = number, ["id"] = id });

        Assert.Equal("CaseClosed,CaseOps.Cmdlets.FileEvents.RemoveCaseFileEventCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.StartsWith($"Case {number} is not open", result.FirstError.ErrorDetails.Message);
        Assert.Equal(new[] { id }, Events.EventsOf(number));
    }

    [Fact]
    public void IncludeTotalCount_writes_the_number_of_events_first()
    {
        var number = CaseWithEvents(4);

        var result = Session.Run("param($n) Get-CaseFileEvent $n -IncludeTotalCount -First 1", new() { ["n"] = number }).AssertSuccess();

        Assert.Equal((ulong)Events.EventsOf(number).Count, result.Output[0].BaseObject);
        Assert.IsType<CaseFileEvent>(Assert.Single(result.Output.Skip(1)).BaseObject);
    }
}
