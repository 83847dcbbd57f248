using System.Management.Automation;
using System.Text.Json.Nodes;
using CaseOps.Sandbox.Faults;
using CaseOps.Tests.Infrastructure;
using CaseOps.Zammad.Models;
using Xunit;

namespace CaseOps.Tests.Cmdlets.Zammad;

/// <summary>
/// Get-Ticket listings and searches whose pages do not add up (docs/architecture.md, "Paging";
/// docs/contracts/zammad.md, "Paging"): ListingIncomplete after the tickets before the fault, none twice.
/// </summary>
public sealed class TicketListingFaultTests : ZammadCmdletTestBase
{
    private const string TicketsPath = "/zammad/api/v1/tickets";
    private const string Query = "state.name:new OR state.name:open";

    public TicketListingFaultTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private AnswerRewrites Rewrites => Sandbox.Host.Faults.Rewrites;

    private static ErrorRecord AssertListingIncomplete(IEnumerable<ErrorRecord> errors)
    {
        var error = Assert.Single(errors);
        Assert.Equal("ListingIncomplete,CaseOps.Cmdlets.Tickets.GetTicketCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        return error;
    }

    private long[] SearchIds() =>
        Enumerable.Range(1, 10).SelectMany(page => Read($"tickets/search?query={Uri.EscapeDataString(Query)}&expand=true&per_page=200&page={page}").EnumerateArray())
            .Select(t => t.GetProperty("id").GetInt64()).ToArray();

    [Fact]
    public void A_repeated_page_of_the_ticket_list_ends_it_after_the_tickets_before_it()
    {
        // Page 2 is asked for when page 1's first ticket is handed out, so after page 1 arrived.
        var page1 = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        Rewrites.Add(AnswerRewrites.Request("GET", TicketsPath, ("page", "1")), body => { page1.TrySetResult(body); return body; });
        Rewrites.Add(AnswerRewrites.Request("GET", TicketsPath, ("page", "2")), body => page1.Task.Wait(TimeSpan.FromSeconds(20)) ? page1.Task.Result : body);

        var result = Session.Run("$r = @(Get-Ticket -PageSize 25 -ErrorAction SilentlyContinue -ErrorVariable listingErrors); $r; $listingErrors");

        Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i), result.Objects<Ticket>().Select(t => t.Id));
        var error = AssertListingIncomplete(result.Objects<ErrorRecord>());
        Assert.Contains("Page 2 held only items already listed (25)", error.ErrorDetails!.Message);
        // The listing ended there. The window had opened when page 1 was used up, so pages after 2 may have
        // been asked for (and were cancelled): page 1 and at most the window of 16 asked ahead.
        Assert.InRange(Sent("GET", "tickets"), 2, 17);
    }

    [Fact]
    public void A_repeated_page_under_ErrorAction_Stop_stops_the_statement()
    {
        var page1 = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        Rewrites.Add(AnswerRewrites.Request("GET", TicketsPath, ("page", "1")), body => { page1.TrySetResult(body); return body; });
        Rewrites.Add(AnswerRewrites.Request("GET", TicketsPath, ("page", "2")), body => page1.Task.Wait(TimeSpan.FromSeconds(20)) ? page1.Task.Result : body);

        var result = Session.Run("$r = @(Get-Ticket -PageSize 25 -ErrorAction Stop); 'not reached'");

        Assert.Equal("ListingIncomplete,CaseOps.Cmdlets.Tickets.GetTicketCommand", result.TerminatingRecord.FullyQualifiedErrorId);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void A_search_page_missing_a_ticket_is_reported_when_the_total_is_known()
    {
        var expected = SearchIds();
        Assert.True(expected.Length > 10, "the seed should give more than two pages of 5");
        Sandbox.Host.Zammad.SearchStyle = CaseOps.Sandbox.Zammad.SearchStyle.Modern;
        try
        {
            Rewrites.AddJson(AnswerRewrites.Request("GET", TicketsPath + "/search", ("page", "2")), json => { json!["records"]!.AsArray().RemoveAt(0); return json; });

            var result = Session.Run($"$r = @(Get-Ticket -Query '{Query}' -PageSize 5 -IncludeTotalCount -ErrorAction SilentlyContinue -ErrorVariable listingErrors); $r; $listingErrors");

            Assert.Equal((ulong)expected.Length, result.Output[0].BaseObject);
            Assert.Equal(expected.Take(10).Where((_, i) => i != 5), result.Objects<Ticket>().Select(t => t.Id));
            var error = AssertListingIncomplete(result.Objects<ErrorRecord>());
            Assert.Equal(Query, error.TargetObject);
            Assert.Contains($"Page 2 held 4 items where its total of {expected.Length} implies 5", error.ErrorDetails!.Message);
            Assert.Contains($"ended after 9 of {expected.Length} items", error.ErrorDetails.Message);
        }
        finally
        {
            Sandbox.Host.Zammad.SearchStyle = CaseOps.Sandbox.Zammad.SearchStyle.Classic;
        }
    }

    [Fact]
    public void A_search_total_of_1_on_a_full_page_is_reported_not_taken_as_the_end()
    {
        var expected = SearchIds();
        Sandbox.Host.Zammad.SearchStyle = CaseOps.Sandbox.Zammad.SearchStyle.Modern;
        try
        {
            Rewrites.AddJson(AnswerRewrites.Request("GET", TicketsPath + "/search", ("page", "1")), json => { json!["total_count"] = 1; return json; });

            var result = Session.Run($"$r = @(Get-Ticket -Query '{Query}' -PageSize 5 -IncludeTotalCount -ErrorAction SilentlyContinue -ErrorVariable listingErrors); $r; $listingErrors");

            Assert.Equal(expected.Take(5), result.Objects<Ticket>().Select(t => t.Id));
            var error = AssertListingIncomplete(result.Objects<ErrorRecord>());
            Assert.Contains("Page 1 held 5 items where its total of 1 leaves room for 1", error.ErrorDetails!.Message);
        }
        finally
        {
            Sandbox.Host.Zammad.SearchStyle = CaseOps.Sandbox.Zammad.SearchStyle.Classic;
        }
    }
}
