using System.Management.Automation;
using CaseOps.Tests.Infrastructure;
using CaseOps.Zammad.Models;
using Xunit;

namespace CaseOps.Tests.Cmdlets.Zammad;

/// <summary>Get-Ticket: by id, listings and searches, paging, expand, custom fields, response shapes.</summary>
public sealed class TicketListingTests : ZammadCmdletTestBase
{
    public TicketListingTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private int TicketCount => Read("tickets?per_page=100&page=1").GetArrayLength() + Read("tickets?per_page=100&page=2").GetArrayLength();

    private long[] SearchIds(string query) =>
        Enumerable.Range(1, 10).SelectMany(page => Read($"tickets/search?query={Uri.EscapeDataString(query)}&expand=true&per_page=200&page={page}").EnumerateArray())
            .Select(t => t.GetProperty("id").GetInt64()).ToArray();

    [Fact]
    public void Listing_streams_every_ticket_once_in_pages()
    {
        var expected = TicketCount;
        Sandbox.Host.Requests.Clear();

        var tickets = Session.Run("Get-Ticket -PageSize 25").AssertSuccess().Objects<Ticket>();

        Assert.Equal(expected, tickets.Count);
        Assert.Equal(tickets.Select(t => t.Id).OrderBy(i => i), tickets.Select(t => t.Id));
        Assert.Equal(tickets.Count, tickets.Select(t => t.Id).Distinct().Count());
        // 60 tickets in pages of 25: 25, 25, 10 — the short page ends it. Pages are asked ahead while they
        // come back full, so a few beyond it may have been sent and cancelled (TicketAskAheadTests counts them).
        Assert.InRange(Sent("GET", "tickets"), expected / 25 + 1, expected / 25 + 1 + 15);
        Assert.All(Sandbox.Host.Requests.Entries.Where(e => e.Path.EndsWith("/tickets")), e => Assert.Contains("per_page=25", e.QueryString));
    }

    [Fact]
    public void First_limits_what_is_fetched()
    {
        var tickets = Session.Run("Get-Ticket -First 30 -PageSize 25").AssertSuccess().Objects<Ticket>();

        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), tickets.Select(t => t.Id));
        Assert.Equal(2, Sent("GET", "tickets"));
    }

    [Fact]
    public void Skip_starts_later()
    {
        var tickets = Session.Run("Get-Ticket -Skip 27 -First 3 -PageSize 25").AssertSuccess().Objects<Ticket>();

        Assert.Equal(new long[] { 28, 29, 30 }, tickets.Select(t => t.Id));
        Assert.Equal(1, Sent("GET", "tickets"));
    }

    [Fact]
    public void Listing_page_size_above_the_server_maximum_is_refused_before_any_request()
    {
        var result = Session.Run("Get-Ticket -PageSize 150");

        Assert.Equal("PageSizeTooLarge,CaseOps.Cmdlets.Tickets.GetTicketCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.Equal(0, Sandbox.Host.Requests.Total);
    }

    [Fact]
    public void Expand_adds_names_and_every_ticket_has_a_web_url()
    {
        var plain = Session.Run("Get-Ticket -Id 3").AssertSuccess().Objects<Ticket>().Single();
        var expanded = Session.Run("Get-Ticket -Id 3 -Expand").AssertSuccess().Objects<Ticket>().Single();
        var wire = Read("tickets/3?expand=true");

        Assert.Null(plain.Customer); // named only when expanded; group, state, priority and owner always are
        Assert.Equal(wire.GetProperty("customer").GetString(), expanded.Customer);
        Assert.Equal(wire.GetProperty("state").GetString(), expanded.State);
        Assert.Equal(wire.GetProperty("group").GetString(), expanded.Group);
        Assert.Equal(wire.GetProperty("priority").GetString(), expanded.Priority);
        Assert.Equal(wire.GetProperty("owner").GetString(), expanded.Owner);
        Assert.Equal(wire.GetProperty("state_id").GetInt64(), plain.StateId);
        Assert.Equal(new Uri(Sandbox.Host.ZammadBaseUri, "../../#ticket/zoom/3"), expanded.WebUrl);
    }

    [Fact]
    public void Listing_names_group_state_priority_and_owner_from_the_catalog_read_once()
    {
        var wire = Read("tickets?per_page=30&page=1&expand=true").EnumerateArray().ToList();
        Sandbox.Host.Requests.Clear();

        var tickets = Session.Run("Get-Ticket -First 30 -PageSize 10").AssertSuccess().Objects<Ticket>();
        var again = Session.Run("Get-Ticket -Skip 30 -First 10 -PageSize 10").AssertSuccess().Objects<Ticket>();

        Assert.Equal(30, tickets.Count);
        Assert.Equal(10, again.Count);
        Assert.Equal(wire.Select(t => t.GetProperty("state").GetString()), tickets.Select(t => t.State));
        Assert.Equal(wire.Select(t => t.GetProperty("priority").GetString()), tickets.Select(t => t.Priority));
        Assert.Equal(wire.Select(t => t.GetProperty("group").GetString()), tickets.Select(t => t.Group));
        Assert.Equal(wire.Select(t => t.GetProperty("owner").GetString()), tickets.Select(t => t.Owner));
        Assert.All(again, t => Assert.NotNull(t.State));
        Assert.Contains(tickets, t => t.OwnerId == 1 && t.Owner == "-"); // "nobody": unassigned
        // Each table once for the session's connection, however many pages and commands; the tickets in the pages needed.
        foreach (var table in new[] { "groups", "ticket_states", "ticket_priorities", "users/search" })
            Assert.Equal(1, Sandbox.Host.Requests.Count("GET", "/zammad/api/v1/" + table));
        Assert.Equal(4, Sandbox.Host.Requests.Count(e => e.Path == "/zammad/api/v1/tickets"));
        Assert.Equal(4 + 4, Sandbox.Host.Requests.Total);
        Assert.DoesNotContain(Sandbox.Host.Requests.Entries, e => e.QueryString.Contains("expand", StringComparison.Ordinal));
    }

    [Fact]
    public void Searches_and_reads_are_named_and_an_empty_answer_reads_no_catalog()
    {
        var wire = Read("tickets/7?expand=true");

        var none = Session.Run("Get-Ticket -Query 'title:NoSuchTitleAnywhere'").AssertSuccess().Objects<Ticket>();
        Assert.Empty(none);
        Assert.Equal(0, Sandbox.Host.Requests.Count(e => !e.Path.Contains("/tickets", StringComparison.Ordinal)));

        var read = Session.Run("Get-Ticket -Id 7").AssertSuccess().Objects<Ticket>().Single();
        var found = Session.Run("Get-Ticket -Query 'title:USB'").AssertSuccess().Objects<Ticket>();

        Assert.Equal(wire.GetProperty("state").GetString(), read.State);
        Assert.Equal(wire.GetProperty("group").GetString(), read.Group);
        Assert.NotEmpty(found);
        Assert.All(found, t => Assert.Equal(Read($"tickets/{t.Id}?expand=true").GetProperty("priority").GetString(), t.Priority));
        Assert.Equal(1, Sandbox.Host.Requests.Count("GET", "/zammad/api/v1/ticket_states"));
    }

    [Fact]
    public void Names_from_the_catalog_are_no_edits_for_Set_Ticket()
    {
        var result = Session.Run("Get-Ticket -Id 4 | Set-Ticket").AssertSuccess();

        Assert.Contains(result.Warnings, w => w.Contains("nothing to change", StringComparison.Ordinal));
        Assert.Equal(0, Changes);
    }

    [Fact]
    public void Unknown_ids_are_reported_and_the_rest_of_the_pipeline_runs()
    {
        var result = Session.Run("1, 99999, 2 | Get-Ticket");

        Assert.Equal(new long[] { 1, 2 }, result.Objects<Ticket>().Select(t => t.Id));
        var error = Assert.Single(result.Errors);
        Assert.Equal("TicketNotFound,CaseOps.Cmdlets.Tickets.GetTicketCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal(99999L, error.TargetObject);
        Assert.Contains("Ticket 99999 was not found", error.ErrorDetails.Message);
    }

    [Fact]
    public void Custom_fields_appear_as_properties()
    {
        var wire = Read("tickets?per_page=100").EnumerateArray().First(t => t.GetProperty("incident_ref").ValueKind == System.Text.Json.JsonValueKind.String);
        var id = wire.GetProperty("id").GetInt64();

        var result = Session.Run("param($id) $t = Get-Ticket -Id $id; $t.incident_ref; $t.risk_score", new() { ["id"] = id }).AssertSuccess();

        Assert.Equal(wire.GetProperty("incident_ref").GetString(), result.Output[0].BaseObject);
        if (wire.GetProperty("risk_score").ValueKind == System.Text.Json.JsonValueKind.Number)
            Assert.Equal(wire.GetProperty("risk_score").GetInt64(), Convert.ToInt64(result.Output[1].BaseObject));
    }

    [Fact]
    public void Search_pages_over_several_pages_exactly_once()
    {
        var expected = SearchIds("state.name:new OR state.name:open");
        Assert.True(expected.Length > 10, "the seed should give more than two pages of 5");
        Sandbox.Host.Requests.Clear();

        var tickets = Session.Run("Get-Ticket -Query 'state.name:new OR state.name:open' -PageSize 5").AssertSuccess().Objects<Ticket>();

        Assert.Equal(expected, tickets.Select(t => t.Id));
        // Through the short page that ends it, plus at most the window less one asked ahead (TicketAskAheadTests).
        Assert.InRange(Sent("GET", "tickets/search"), (expected.Length / 5) + 1, (expected.Length / 5) + 1 + 15);
    }

    [Fact]
    public void Search_sorts_as_asked()
    {
        var ascending = Session.Run("Get-Ticket -Query 'USB' -SortBy id").AssertSuccess().Objects<Ticket>().Select(t => t.Id).ToList();
        var descending = Session.Run("Get-Ticket -Query 'USB' -SortBy id -Descending").AssertSuccess().Objects<Ticket>().Select(t => t.Id).ToList();
        var byDefault = Session.Run("Get-Ticket -Query 'USB'").AssertSuccess().Objects<Ticket>().ToList();

        Assert.True(ascending.Count > 1);
        Assert.Equal(ascending.OrderBy(i => i), ascending);
        Assert.Equal(ascending.AsEnumerable().Reverse(), descending);
        Assert.Equal(byDefault.OrderByDescending(t => t.UpdatedAt).Select(t => t.Id), byDefault.Select(t => t.Id));
        Assert.Contains(Sandbox.Host.Requests.Entries, e => e.QueryString.Contains("sort_by=id") && e.QueryString.Contains("order_by=desc"));
    }

    [Fact]
    public void Search_matches_what_the_server_matches()
    {
        var tickets = Session.Run("Get-Ticket -Query 'title:USB' -Expand").AssertSuccess().Objects<Ticket>();

        Assert.NotEmpty(tickets);
        Assert.All(tickets, t => Assert.Contains("usb", t.Title, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(SearchIds("title:USB").OrderBy(i => i), tickets.Select(t => t.Id).OrderBy(i => i));
    }

    [Theory]
    [InlineData("Classic", false)]
    [InlineData("Modern", false)]
    [InlineData("Modern", true)]
    public void Every_search_answer_shape_is_read(string style, bool withTotal)
    {
        var expected = SearchIds("title:USB");
        Sandbox.Host.Zammad.SearchStyle = Enum.Parse<CaseOps.Sandbox.Zammad.SearchStyle>(style);
        try
        {
            var script = withTotal ? "Get-Ticket -Query 'title:USB' -PageSize 2 -IncludeTotalCount" : "Get-Ticket -Query 'title:USB' -PageSize 2";
            var result = Session.Run(script).AssertSuccess();

            Assert.Equal(expected, result.Objects<Ticket>().Select(t => t.Id));
            if (withTotal)
                Assert.Equal((ulong)expected.Length, result.Output[0].BaseObject);
        }
        finally
        {
            Sandbox.Host.Zammad.SearchStyle = CaseOps.Sandbox.Zammad.SearchStyle.Classic;
        }
    }
}
