using System.Management.Automation;
using System.Text;
using System.Text.Json.Nodes;
using CaseOps.Incydr.Models;
using CaseOps.Sandbox.Faults;
using CaseOps.Tests.Infrastructure;
using Xunit;

namespace CaseOps.Tests.Cmdlets;

/// <summary>
/// Incydr listings whose pages do not add up (docs/architecture.md, "Paging"; docs/contracts/incydr.md,
/// "Broken answers"): the emulator's answers are rewritten with status 200, and the listing must end
/// with ListingIncomplete after the cases before the fault, never silently short and never with a case twice.
/// </summary>
public sealed class ListingFaultTests : CmdletTestBase
{
    private const string CasesPath = "/v1/cases";

    // 250 cases in pages of 25: ten pages.
    private const string Collect = "$r = @(Get-Case -PageSize 25 -ErrorAction SilentlyContinue -ErrorVariable listingErrors); $r; $listingErrors";

    public ListingFaultTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private AnswerRewrites Rewrites => Sandbox.Host.Faults.Rewrites;

    private List<long> AllNumbers => Sandbox.Host.Cases.Snapshot().Select(c => c.Number).OrderBy(n => n).ToList();

    private static Func<Microsoft.AspNetCore.Http.HttpRequest, bool> CasePage(int page) =>
        AnswerRewrites.Request("GET", CasesPath, ("pgNum", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Answers page <paramref name="repeat"/> with the body page <paramref name="original"/> got (the pages may be in flight together).</summary>
    private void RepeatPage(Func<Microsoft.AspNetCore.Http.HttpRequest, bool> original, Func<Microsoft.AspNetCore.Http.HttpRequest, bool> repeat)
    {
        var captured = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        Rewrites.Add(original, body => { captured.TrySetResult(body); return body; });
        Rewrites.Add(repeat, body => captured.Task.Wait(TimeSpan.FromSeconds(20)) ? captured.Task.Result : body);
    }

    private static ErrorRecord AssertListingIncomplete(IEnumerable<ErrorRecord> errors, string command = "CaseOps.Cmdlets.Cases.GetCaseCommand")
    {
        var error = Assert.Single(errors);
        Assert.Equal("ListingIncomplete," + command, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.NotNull(error.ErrorDetails?.RecommendedAction);
        return error;
    }

    [Fact]
    public void A_repeated_page_ends_the_listing_with_the_cases_before_it_kept_and_none_twice()
    {
        RepeatPage(CasePage(4), CasePage(5));

        var result = Session.Run(Collect);

        var cases = result.Objects<Case>().Select(c => c.Number).ToList();
        Assert.Equal(AllNumbers.Take(100), cases); // pages 1 to 4, once each; $r kept them
        var error = AssertListingIncomplete(result.Objects<ErrorRecord>());
        Assert.Contains("Page 5 held only items already listed (25)", error.ErrorDetails!.Message);
        Assert.Contains("ended after 100 of 250 items (25 repeated items left out)", error.ErrorDetails.Message);
        Assert.Null(result.Terminating);
        Assert.Equal(0, Rewrites.Pending);
    }

    [Fact]
    public void A_repeated_page_under_ErrorAction_Stop_stops_the_statement()
    {
        RepeatPage(CasePage(4), CasePage(5));

        var result = Session.Run("$r = @(Get-Case -PageSize 25 -ErrorAction Stop); 'not reached'");

        Assert.Equal("ListingIncomplete,CaseOps.Cmdlets.Cases.GetCaseCommand", result.TerminatingRecord.FullyQualifiedErrorId);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void Without_ErrorAction_the_cases_stream_and_the_error_follows_them()
    {
        RepeatPage(CasePage(4), CasePage(5));

        var result = Session.Run("Get-Case -PageSize 25");

        Assert.Equal(AllNumbers.Take(100), result.Objects<Case>().Select(c => c.Number));
        AssertListingIncomplete(result.Errors);
    }

    [Fact]
    public void One_case_missing_from_page_3_is_reported_not_taken_as_the_end()
    {
        Rewrites.AddJson(CasePage(3), json => { json!["cases"]!.AsArray().RemoveAt(0); return json; });

        var result = Session.Run(Collect);

        var cases = result.Objects<Case>().Select(c => c.Number).ToList();
        Assert.Equal(AllNumbers.Take(75).Where((_, i) => i != 50), cases);
        var error = AssertListingIncomplete(result.Objects<ErrorRecord>());
        Assert.Contains("Page 3 held 24 items where its total of 250 implies 25", error.ErrorDetails!.Message);
        Assert.Contains("ended after 74 of 250 items", error.ErrorDetails.Message);
        var exception = Assert.IsType<CaseOps.Paging.ListingIncompleteException>(error.Exception);
        Assert.Equal(250, exception.Expected);
        Assert.Equal(74, exception.Received);
    }

    [Fact]
    public void A_total_of_1_on_a_full_page_is_reported_not_taken_as_the_end()
    {
        Rewrites.AddJson(CasePage(1), json => { json!["totalCount"] = 1; return json; });

        var result = Session.Run(Collect);

        Assert.Equal(AllNumbers.Take(25), result.Objects<Case>().Select(c => c.Number));
        var error = AssertListingIncomplete(result.Objects<ErrorRecord>());
        Assert.Contains("Page 1 held 25 items where its total of 1 leaves room for 1", error.ErrorDetails!.Message);
    }

    [Fact]
    public void A_missing_total_on_page_1_never_ends_the_listing_silently()
    {
        Rewrites.AddJson(CasePage(1), json => { json!.AsObject().Remove("totalCount"); return json; });

        var result = Session.Run(Collect);

        // The case list's envelope always carries totalCount (docs/contracts/incydr.md, "CasesPage").
        // Without it the page disagrees with the total the client reads (0), so the listing ends with
        // ListingIncomplete; where the answer is rejected as unreadable first, InvalidResponse. Either
        // way the user is told, and what was written is correct and written once.
        var cases = result.Objects<Case>().Select(c => c.Number).ToList();
        Assert.Equal(AllNumbers.Take(cases.Count), cases);
        var error = Assert.Single(result.Objects<ErrorRecord>());
        Assert.Contains(error.FullyQualifiedErrorId.Split(',')[0], new[] { "ListingIncomplete", "InvalidResponse" });
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
    }

    [Fact]
    public void Cases_removed_while_listing_are_drift_a_warning_not_an_error()
    {
        // The pipeline closes each open case it is given, so later pages of "open cases" shift.
        var open = Session.Run("@(Get-Case -Status Open -PageSize 25).Count").AssertSuccess().Output.Single().BaseObject;
        Assert.True((int)open > 50, "the seed should give more than two pages of open cases");

        var result = Session.Run("Get-Case -Status Open -PageSize 25 | Set-Case -Status Closed -PassThru");

        Assert.Empty(result.Errors);
        Assert.Contains(result.Warnings, w => w.Contains("The number of matches changed", StringComparison.Ordinal));
        var closed = result.Objects<Case>().Select(c => c.Number).ToList();
        Assert.Equal(closed.Count, closed.Distinct().Count());
    }

    [Fact]
    public void A_repeated_page_of_file_events_ends_that_listing_with_the_events_before_it()
    {
        var number = Sandbox.Host.Cases.Snapshot().First(c => Sandbox.Host.FileEvents.EventsOf(c.Number).Count >= 6).Number;
        var expected = Sandbox.Host.FileEvents.EventsOf(number);
        var path = $"/v1/cases/{number}/fileevent";
        RepeatPage(AnswerRewrites.Request("GET", path, ("pgNum", "1")), AnswerRewrites.Request("GET", path, ("pgNum", "2")));

        var result = Session.Run("param($n) $r = @(Get-CaseFileEvent -CaseNumber $n -PageSize 2 -ErrorAction SilentlyContinue -ErrorVariable listingErrors); $r; $listingErrors",
            new() { ["n"] = number });

        Assert.Equal(expected.Take(2), result.Objects<CaseFileEvent>().Select(e => e.EventId));
        var error = AssertListingIncomplete(result.Objects<ErrorRecord>(), "CaseOps.Cmdlets.FileEvents.GetCaseFileEventCommand");
        Assert.Equal(number, error.TargetObject);
        Assert.Contains("Page 2 held only items already listed", error.ErrorDetails!.Message);
    }

    [Fact]
    public void Add_CaseFileEvent_attaches_nothing_to_a_case_whose_events_cannot_be_listed_whole()
    {
        var number = Sandbox.Host.Cases.Snapshot().First(c => Sandbox.Host.FileEvents.EventsOf(c.Number).Count >= 2).Number;
        var before = Sandbox.Host.FileEvents.EventsOf(number).ToList();
        var unattached = Sandbox.Host.FileEvents.PoolIds.First(id => Sandbox.Host.Cases.Snapshot().All(c => !Sandbox.Host.FileEvents.IsOnCase(c.Number, id)));
        Rewrites.AddJson(AnswerRewrites.Request("GET", $"/v1/cases/{number}/fileevent", ("pgNum", "1")), json => { json!["totalCount"] = 1; return json; });

        var result = Session.Run("param($n, $id) Add-CaseFileEvent -CaseNumber $n -EventId $id", new() { ["n"] = number, ["id"] = unattached });

        var error = AssertListingIncomplete(result.Errors, "CaseOps.Cmdlets.FileEvents.AddCaseFileEventCommand");
        Assert.Equal(number, error.TargetObject);
        Assert.Equal(before, Sandbox.Host.FileEvents.EventsOf(number));
        Assert.DoesNotContain(Sandbox.Host.Requests.Entries, e => e.Method == "POST");
    }
}
