using System.Text.RegularExpressions;
using CaseOps.Tests.Infrastructure;
using CaseOps.Zammad.Models;
using Xunit;
using Xunit.Abstractions;

namespace CaseOps.Tests.Cmdlets.Zammad;

/// <summary>
/// Get-Ticket asks ahead without a total (docs/contracts/zammad.md, "Paging"): what it sends and what it
/// wastes, counted in the emulator's request log with latency on every request. No timing asserts.
/// </summary>
public sealed class TicketAskAheadTests : ZammadCmdletTestBase
{
    private const int MaxPagesInFlight = 16; // PageStreamOptions' default
    private readonly ITestOutputHelper _output;

    public TicketAskAheadTests(SandboxFixture sandbox, ITestOutputHelper output)
        : base(sandbox)
    {
        _output = output;
    }

    private int TicketCount => Read("tickets?per_page=100&page=1").GetArrayLength() + Read("tickets?per_page=100&page=2").GetArrayLength();

    /// <summary>The page numbers of the listing requests the emulator saw, in order of number.</summary>
    private List<int> PagesRequested(string path) => Sandbox.Host.Requests.Entries
        .Where(e => e.Method == "GET" && e.Path == "/zammad/api/v1/" + path)
        .Select(e => int.Parse(Regex.Match(e.QueryString, @"[?&]page=(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
        .OrderBy(p => p)
        .ToList();

    // Pages asked ahead and cancelled by the short page may never reach the server (they can still be
    // waiting for a slot of the connection's concurrency limit), so only the pages needed must all be
    // there; every page at most once.
    private static void AssertPagesOnce(List<int> pages, int needed)
    {
        Assert.Equal(pages.Count, pages.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, needed), pages.Where(p => p <= needed));
    }

    [Theory]
    [InlineData(5)] // 60 tickets: the last page is exactly full, an empty page ends the listing
    [InlineData(7)] // 60 tickets: 8 full pages and a short ninth
    public void A_full_listing_asks_ahead_and_wastes_at_most_the_window(int pageSize)
    {
        var expected = TicketCount;
        Sandbox.Host.Requests.Clear();
        Sandbox.Host.Faults.Latency = TimeSpan.FromMilliseconds(50);

        var tickets = Session.Run($"Get-Ticket -PageSize {pageSize}").AssertSuccess().Objects<Ticket>();

        Assert.Equal(Enumerable.Range(1, expected).Select(i => (long)i), tickets.Select(t => t.Id));
        var pages = PagesRequested("tickets");
        var needed = expected / pageSize + 1; // through the short (or empty) page that ends it
        AssertPagesOnce(pages, needed);
        var wasted = pages.Count - needed;
        _output.WriteLine($"page size {pageSize}: {expected} tickets, {needed} pages needed, {pages.Count} requested, {wasted} wasted");
        Assert.InRange(wasted, 0, MaxPagesInFlight - 1);
    }

    [Theory]
    [InlineData(40, 5, 8)]
    [InlineData(60, 5, 12)]
    [InlineData(23, 10, 3)]
    public void First_asks_for_exactly_the_pages_it_wants(int first, int pageSize, int pagesWanted)
    {
        Sandbox.Host.Faults.Latency = TimeSpan.FromMilliseconds(50);

        var tickets = Session.Run($"Get-Ticket -First {first} -PageSize {pageSize}").AssertSuccess().Objects<Ticket>();

        Assert.Equal(Enumerable.Range(1, first).Select(i => (long)i), tickets.Select(t => t.Id));
        Assert.Equal(Enumerable.Range(1, pagesWanted), PagesRequested("tickets"));
    }

    [Fact]
    public void First_beyond_the_end_stops_at_the_short_page()
    {
        var expected = TicketCount;
        Sandbox.Host.Requests.Clear();
        Sandbox.Host.Faults.Latency = TimeSpan.FromMilliseconds(50);

        var tickets = Session.Run("Get-Ticket -First 1000 -PageSize 5").AssertSuccess().Objects<Ticket>();

        Assert.Equal(expected, tickets.Count);
        var pages = PagesRequested("tickets");
        AssertPagesOnce(pages, expected / 5 + 1);
        _output.WriteLine($"-First 1000 of {expected}: {pages.Count} requested, {pages.Count - (expected / 5 + 1)} wasted");
        Assert.InRange(pages.Count - (expected / 5 + 1), 0, MaxPagesInFlight - 1);
    }

    [Theory]
    [InlineData(1, 25, 1, 1)]
    [InlineData(3, 25, 1, 2)]  // a stop within the first page: at most the one page asked ahead
    [InlineData(3, 2, 2, 17)]  // a stop after it: the window had opened; page 1 and at most the window of 16 asked ahead
    public void An_early_stop_downstream_costs_what_the_window_had_asked_for(int stopAfter, int pageSize, int minPages, int maxPages)
    {
        Sandbox.Host.Faults.Latency = TimeSpan.FromMilliseconds(100);

        var tickets = Session.Run($"Get-Ticket -PageSize {pageSize} | Limit-TestOutput -First {stopAfter}").AssertSuccess().Objects<Ticket>();

        Assert.Equal(Enumerable.Range(1, stopAfter).Select(i => (long)i), tickets.Select(t => t.Id));
        Thread.Sleep(300); // requests cancelled at the stop reach their end at the server
        Assert.InRange(PagesRequested("tickets").Count, minPages, maxPages);
    }

    [Fact]
    public void A_search_asks_ahead_and_wastes_at_most_the_window()
    {
        var query = "state.name:new OR state.name:open";
        var expected = Enumerable.Range(1, 10)
            .SelectMany(page => Read($"tickets/search?query={Uri.EscapeDataString(query)}&expand=true&per_page=200&page={page}").EnumerateArray())
            .Select(t => t.GetProperty("id").GetInt64()).ToArray();
        Sandbox.Host.Requests.Clear();
        Sandbox.Host.Faults.Latency = TimeSpan.FromMilliseconds(50);

        var tickets = Session.Run($"Get-Ticket -Query '{query}' -PageSize 3").AssertSuccess().Objects<Ticket>();

        Assert.Equal(expected, tickets.Select(t => t.Id));
        var pages = PagesRequested("tickets/search");
        AssertPagesOnce(pages, expected.Length / 3 + 1);
        var wasted = pages.Count - (expected.Length / 3 + 1);
        _output.WriteLine($"search, pages of 3: {expected.Length} tickets, {pages.Count} requested, {wasted} wasted");
        Assert.InRange(wasted, 0, MaxPagesInFlight - 1);
        Assert.True(pages.Count > 2);
    }
}
