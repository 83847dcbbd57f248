using System.Diagnostics;
using System.Management.Automation;
using CaseOps.Incydr.Models;
using CaseOps.Tests.Infrastructure;
using Xunit;

namespace CaseOps.Tests.Cmdlets;

/// <summary>Get-Case listings against the emulator: paging, streaming, early stop.</summary>
public sealed class CaseListingTests : CmdletTestBase
{
    private const string CasesPath = "/v1/cases";

    public CaseListingTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private int PageRequests => Sandbox.Host.Requests.Count(e => e.Method == "GET" && e.Path == CasesPath);

    [Fact]
    public void Listing_over_many_pages_yields_every_case_once_in_server_order()
    {
        var cases = Session.Run("Get-Case -PageSize 40").AssertSuccess().Objects<Case>();

        var expected = Sandbox.Host.Cases.Snapshot().Select(c => c.Number).OrderBy(n => n).ToList();
        Assert.Equal(expected, cases.Select(c => c.Number).ToList());
        Assert.Equal(7, PageRequests); // 250 / 40: six full pages and a short seventh, nothing after it
    }

    [Fact]
    public void Listing_never_asks_beyond_the_total()
    {
        var cases = Session.Run("Get-Case -PageSize 50").AssertSuccess().Objects<Case>();

        Assert.Equal(250, cases.Count);
        Assert.Equal(5, PageRequests); // the fifth page is full, but the total says it is the last
        Assert.DoesNotContain(Sandbox.Host.Requests.Entries, e => e.QueryString.Contains("pgNum=6"));
    }

    [Fact]
    public void First_object_arrives_before_the_second_page_is_requested()
    {
        Sandbox.Host.Faults.Latency = TimeSpan.FromMilliseconds(150);

        var result = Session.Run("Get-Case -PageSize 50 -First 120").AssertSuccess();

        var secondPage = Sandbox.Host.Requests.Entries.Single(e => e.Path == CasesPath && e.QueryString.Contains("pgNum=2"));
        Assert.Equal(120, result.Output.Count);
        Assert.True(result.OutputArrivals[0] < secondPage.ArrivedAt, "the first case was written after page 2 was requested");
    }

    [Fact]
    public void Stopping_downstream_after_three_objects_leaves_at_most_two_page_requests()
    {
        Sandbox.Host.Faults.Latency = TimeSpan.FromMilliseconds(100);

        var result = Session.Run("Get-Case -PageSize 50 | Limit-TestOutput -First 3").AssertSuccess();

        Assert.Equal(new long[] { 1, 2, 3 }, result.Objects<Case>().Select(c => c.Number));
        Assert.InRange(PageRequests, 1, 2);
        // A page still in flight is cancelled: the emulator sees the client go away, or it finished; never a third page.
        Assert.DoesNotContain(Sandbox.Host.Requests.Entries, e => e.QueryString.Contains("pgNum=3"));
    }

    [Fact]
    public void Ctrl_C_stops_the_listing_and_its_requests()
    {
        Sandbox.Host.Faults.Latency = TimeSpan.FromMilliseconds(200);

        var result = Session.Run("Get-Case -PageSize 10", whileRunning: ps =>
        {
            var watch = Stopwatch.StartNew();
            while (ps.Streams.Verbose.Count == 0 && watch.Elapsed < TimeSpan.FromSeconds(10) && Sandbox.Host.Requests.Count(e => e.Path == CasesPath) < 2)
                Thread.Sleep(10);
            ps.Stop();
        });

        Assert.IsType<System.Management.Automation.PipelineStoppedException>(result.Terminating);
        Assert.True(result.Output.Count < 250);
        var requestsAtStop = PageRequests;
        Thread.Sleep(500);
        Assert.Equal(requestsAtStop, PageRequests); // nothing new is started after the stop
        // Page 1, and once it was used up at most the window of 16 asked ahead (docs/architecture.md, "The window").
        Assert.InRange(requestsAtStop, 1, 17);
    }

    [Fact]
    public void First_and_Skip_fetch_only_the_pages_they_need()
    {
        var cases = Session.Run("Get-Case -PageSize 20 -Skip 45 -First 10").AssertSuccess().Objects<Case>();

        Assert.Equal(Enumerable.Range(46, 10).Select(n => (long)n), cases.Select(c => c.Number));
        var pages = Sandbox.Host.Requests.Entries.Where(e => e.Path == CasesPath).Select(e => e.QueryString).ToList();
        var page = Assert.Single(pages); // items 46..55 all live on page 3 (41..60)
        Assert.Contains("pgNum=3", page);
    }

    [Fact]
    public void IncludeTotalCount_writes_the_server_total_first()
    {
        var result = Session.Run("Get-Case -PageSize 50 -First 2 -IncludeTotalCount").AssertSuccess();

        Assert.Equal(3, result.Output.Count);
        Assert.Equal(250UL, result.Output[0].BaseObject); // PowerShell's total-count object wraps the number
        Assert.IsType<Case>(result.Output[1].BaseObject);
    }

    [Fact]
    public void IncludeTotalCount_with_First_0_counts_without_listing()
    {
        var result = Session.Run("Get-Case -Status Open -IncludeTotalCount -First 0").AssertSuccess();

        var open = (ulong)Sandbox.Host.Cases.Snapshot().Count(c => c.Status == CaseOps.Sandbox.Incydr.CaseStatus.OPEN);
        Assert.Equal(open, Assert.Single(result.Output).BaseObject);
        var query = System.Web.HttpUtility.ParseQueryString(Assert.Single(Sandbox.Host.Requests.Entries, e => e.Path == CasesPath).QueryString);
        Assert.Equal("1", query["pgSize"]); // one item, not a page of 100 (which "pgSize=1" also matches)
        Assert.Equal("1", query["pgNum"]);
    }

    [Fact]
    public void Verbose_shows_each_request_without_the_token()
    {
        var result = Session.Run("Get-Case -PageSize 100 -Verbose").AssertSuccess();

        var pageLines = result.Verbose.Where(v => v.StartsWith("GET ") && v.Contains("/v1/cases?")).ToList();
        Assert.Equal(3, pageLines.Count);
        Assert.All(pageLines, l => Assert.Matches(@"-> 200 OK \(\d+ ms\)$", l));
        Assert.DoesNotContain(result.Verbose, v => v.Contains("Bearer") || v.Contains(Sandbox.Host.Options.ClientSecret));
    }

    [Fact]
    public void Long_listings_show_throttled_progress_and_complete_it()
    {
        Sandbox.Host.Faults.Latency = TimeSpan.FromMilliseconds(60);

        var result = Session.Run("Get-Case -PageSize 5").AssertSuccess();

        Assert.Equal(250, result.Output.Count);
        var progress = result.Progress.Where(p => p.Activity == "Listing Incydr cases").ToList();
        Assert.NotEmpty(progress);
        Assert.True(progress.Count < 50, $"{progress.Count} progress records for 50 pages: not throttled");
        Assert.Equal(ProgressRecordType.Completed, progress.Last().RecordType);
        Assert.Contains(progress, p => p.StatusDescription.Contains("of 250") && p.PercentComplete is > 0 and <= 100);
    }

    [Fact]
    public void Short_listings_show_no_progress()
    {
        var result = Session.Run("Get-Case -PageSize 100 -First 150").AssertSuccess();

        Assert.Empty(result.Progress);
    }

    [Fact]
    public void Debug_alone_shows_the_request_lines_as_debug_without_prompting()
    {
        var result = Session.Run("Get-Case -PageSize 100 -First 150 -Debug").AssertSuccess();

        Assert.Equal(150, result.Output.Count);
        Assert.Empty(result.Verbose);
        Assert.Equal(2, result.Debug.Count(d => d.StartsWith("GET ") && d.Contains("/v1/cases?")));
        Assert.Contains(result.Debug, d => d.StartsWith("Response body:"));
    }

    [Fact]
    public void Page_size_above_the_maximum_is_a_validation_error()
    {
        var result = Session.Run("Get-Case -PageSize 10001");

        Assert.Equal("ParameterArgumentValidationError,CaseOps.Cmdlets.Cases.GetCaseCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.Equal(0, PageRequests);
    }
}
