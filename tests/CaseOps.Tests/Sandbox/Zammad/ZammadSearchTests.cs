using System.Net;
using System.Text.Json;
using CaseOps.Sandbox.Zammad;
using Xunit;

namespace CaseOps.Tests.Sandbox.Zammad;

/// <summary>
/// Ticket search (docs/contracts/zammad.md, Searching tickets; Zammad/SEARCH.md). Expectations are computed from the
/// store, so the tests hold for any seed. Read-only apart from the style knob, reset after use.
/// </summary>
public sealed class ZammadSearchTests(ZammadSandboxFixture fixture) : IClassFixture<ZammadSandboxFixture>
{
    private IReadOnlyList<ZammadTicket> All => fixture.Host.Zammad.Tickets.Snapshot();

    private string StateOf(ZammadTicket t) => fixture.Host.Zammad.States.First(s => s.Id == t.StateId).Name;

    private IReadOnlyList<string> TagsOf(ZammadTicket t) => fixture.Host.Zammad.Tags.TagsOf(t.Id);

    private bool TextHas(ZammadTicket t, string text) =>
        t.Title.Contains(text, StringComparison.OrdinalIgnoreCase) || t.Number.Contains(text, StringComparison.Ordinal)
        || fixture.Host.Zammad.Articles.ArticlesOf(t.Id).Any(a => new[] { a.Body, a.From, a.To, a.Subject }.Any(f => f?.Contains(text, StringComparison.OrdinalIgnoreCase) == true));

    /// <summary>Ids found (expanded search, all pages at 200), sorted ascending for set comparison.</summary>
    private async Task<int[]> FindAsync(string query)
    {
        var reply = await fixture.GetAsync("tickets/search?expand=true&per_page=200&query=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        return ZammadSandboxFixture.Ids(reply.Json).Order().ToArray();
    }

    private int[] Expect(Func<ZammadTicket, bool> predicate)
    {
        var ids = All.Where(predicate).Select(t => t.Id).Order().ToArray();
        Assert.NotEmpty(ids);
        return ids;
    }

    [Fact]
    public async Task Free_text_is_a_case_insensitive_substring_of_title_number_and_articles()
    {
        Assert.Equal(Expect(t => TextHas(t, "usb")), await FindAsync("usb"));
        Assert.Equal(Expect(t => TextHas(t, "logs")), await FindAsync("LOGS"));
        Assert.Equal(Expect(t => TextHas(t, "support@example.com")), await FindAsync("support@example.com"));
        Assert.Equal(new[] { 7 }, await FindAsync("31007"));
    }

    [Fact]
    public async Task Star_is_removed_so_it_alone_matches_everything()
    {
        Assert.Equal(All.Select(t => t.Id).Order(), await FindAsync("*"));
        Assert.Equal(Expect(t => TextHas(t, "usb")), await FindAsync("us*b*"));
        Assert.Equal(All.Select(t => t.Id).Order(), await FindAsync(string.Empty));
    }

    [Fact]
    public async Task Field_terms_match_per_field_rules()
    {
        var bob = fixture.Host.Zammad.Users.FindByLoginOrEmail("bob@example.com")!;
        Assert.Equal(Expect(t => StateOf(t) == "open"), await FindAsync("state.name:open"));
        Assert.Equal(Expect(t => StateOf(t).StartsWith("pending", StringComparison.Ordinal)), await FindAsync("State.Name:PENDING"));
        Assert.Equal(Expect(t => t.StateId == 4), await FindAsync("state_id:4"));
        Assert.Equal(Expect(t => t.PriorityId == 3), await FindAsync("priority.name:high"));
        Assert.Equal(Expect(t => t.GroupId == 2), await FindAsync("group.name:\"insider risk\""));
        Assert.Equal(Expect(t => t.GroupId == 3), await FindAsync("group_id:3"));
        Assert.Equal(Expect(t => t.CustomerId == bob.Id), await FindAsync("customer.email:bob@example.com"));
        Assert.Equal(Expect(t => t.CustomerId == bob.Id), await FindAsync($"customer_id:{bob.Id}"));
        Assert.Equal(Expect(t => t.OwnerId == 1), await FindAsync("owner_id:1"));
        Assert.Equal(Expect(t => t.OwnerId == 4), await FindAsync("owner.login:nicole"));
        Assert.Equal(Expect(t => TagsOf(t).Contains("usb")), await FindAsync("tags:USB"));
        Assert.Equal(new[] { 12 }, await FindAsync("id:12"));
        Assert.Equal(new[] { 12 }, await FindAsync("number:31012"));
        Assert.Empty(await FindAsync("number:3101"));
        Assert.Equal(Expect(t => t.Title.Contains("usb stick", StringComparison.OrdinalIgnoreCase)), await FindAsync("title:\"usb stick\""));
        Assert.Equal(Expect(t => t.Title.Contains("usb", StringComparison.OrdinalIgnoreCase)), await FindAsync("title:usb"));
    }

    [Fact]
    public async Task Custom_fields_are_searchable()
    {
        var scored = All.First(t => t.CustomFields.ContainsKey("risk_score"));
        var score = scored.CustomFields["risk_score"]!.ToJsonString();
        var department = All.First(t => t.CustomFields.ContainsKey("department")).CustomFields["department"]!.GetValue<string>();

        Assert.Equal(Expect(t => t.CustomFields.GetValueOrDefault("risk_score")?.ToJsonString() == score), await FindAsync($"risk_score:{score}"));
        Assert.Equal(
            Expect(t => t.CustomFields.GetValueOrDefault("department")?.GetValue<string>().Contains(department[..3], StringComparison.OrdinalIgnoreCase) == true),
            await FindAsync($"department:{department[..3].ToLowerInvariant()}"));
        Assert.Equal(Expect(t => t.CustomFields.ContainsKey("incident_ref")), await FindAsync("incident_ref:INC"));
    }

    [Fact]
    public async Task Boolean_operators_quotes_and_parentheses()
    {
        var usb = All.Where(t => TextHas(t, "usb")).ToArray();
        Assert.Equal(Expect(t => TextHas(t, "usb") && StateOf(t) == "open"), await FindAsync("usb AND state.name:open"));
        Assert.Equal(Expect(t => TextHas(t, "usb") && StateOf(t) == "open"), await FindAsync("usb state.name:open"));
        Assert.Equal(Expect(t => TextHas(t, "usb") || TextHas(t, "vpn")), await FindAsync("usb OR vpn"));
        Assert.Equal(Expect(t => TextHas(t, "usb") && StateOf(t) != "closed"), await FindAsync("usb AND NOT state.name:closed"));
        Assert.Equal(Expect(t => !TextHas(t, "usb")), await FindAsync("NOT usb"));
        Assert.Equal(Expect(t => TextHas(t, "printer jam")), await FindAsync("\"printer jam\""));
        Assert.Equal(
            Expect(t => (TextHas(t, "usb") || TextHas(t, "vpn")) && t.PriorityId != 1),
            await FindAsync("(usb OR vpn) AND NOT priority.name:low"));

        // AND binds tighter than OR: a OR b AND c = a OR (b AND c).
        Assert.Equal(Expect(t => TextHas(t, "vpn") || (TextHas(t, "usb") && StateOf(t) == "new")), await FindAsync("vpn OR usb AND state.name:new"));
        Assert.NotEmpty(usb);
    }

    [Fact]
    public async Task Unsupported_syntax_is_taken_literally()
    {
        Assert.Empty(await FindAsync("nosuchfield:usb"));
        Assert.Empty(await FindAsync("created_at:[2020-01-01 TO 2030-01-01]"));
        Assert.Empty(await FindAsync("usb~"));
        Assert.Empty(await FindAsync("usb and vpn"));
        Assert.Equal(Expect(t => TextHas(t, "usb")), await FindAsync("usb AND"));
        Assert.Equal(Expect(t => TextHas(t, "usb")), await FindAsync("(usb"));
    }

    [Fact]
    public async Task Default_order_is_updated_at_descending_and_sort_by_order_by_work()
    {
        var byUpdated = All.OrderByDescending(t => t.UpdatedAt).Select(t => t.Id).Take(50).ToArray();
        var byTitle = All.OrderBy(t => t.Title.ToUpperInvariant(), StringComparer.Ordinal).ThenBy(t => t.Id).Select(t => t.Id).Take(50).ToArray();

        var defaults = ZammadSandboxFixture.Ids((await fixture.GetAsync("tickets/search?query=*&expand=true")).Json);
        var idAsc = ZammadSandboxFixture.Ids((await fixture.GetAsync("tickets/search?query=*&expand=true&sort_by=id&order_by=asc&per_page=10")).Json);
        var title = ZammadSandboxFixture.Ids((await fixture.GetAsync("tickets/search?query=*&expand=true&sort_by=title&order_by=asc")).Json);
        var unknown = ZammadSandboxFixture.Ids((await fixture.GetAsync("tickets/search?query=*&expand=true&sort_by=bogus")).Json);
        var createdAsc = ZammadSandboxFixture.Ids((await fixture.GetAsync("tickets/search?query=*&expand=true&sort_by=created_at&order_by=asc&per_page=5")).Json);

        Assert.Equal(byUpdated, defaults);
        Assert.Equal(Enumerable.Range(1, 10), idAsc);
        Assert.Equal(byTitle, title);
        Assert.Equal(byUpdated, unknown);
        Assert.Equal(All.OrderBy(t => t.CreatedAt).Select(t => t.Id).Take(5), createdAsc);
    }

    [Fact]
    public async Task Paging_defaults_to_50_clamps_at_200_and_ends_empty()
    {
        var all = All.OrderBy(t => t.Id).Select(t => t.Id).ToArray();
        var first = ZammadSandboxFixture.Ids((await fixture.GetAsync("tickets/search?query=*&expand=true")).Json);
        var page2 = ZammadSandboxFixture.Ids((await fixture.GetAsync("tickets/search?query=*&expand=true&sort_by=id&order_by=asc&page=2&per_page=7")).Json);
        var limit = ZammadSandboxFixture.Ids((await fixture.GetAsync("tickets/search?query=*&expand=true&limit=3")).Json);
        var huge = ZammadSandboxFixture.Ids((await fixture.GetAsync("tickets/search?query=*&expand=true&per_page=1000")).Json);
        var past = (await fixture.GetAsync("tickets/search?query=*&expand=true&page=50")).Json;

        Assert.Equal(50, first.Length);
        Assert.Equal(all[7..14], page2);
        Assert.Equal(3, limit.Length);
        Assert.Equal(all.Length, huge.Length);
        Assert.Equal(0, past.GetArrayLength());
    }

    [Fact]
    public async Task Post_takes_the_parameters_from_the_body()
    {
        var reply = await fixture.PostAsync("tickets/search", new { query = "tags:usb", expand = true, per_page = 200 });

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(Expect(t => TagsOf(t).Contains("usb")), ZammadSandboxFixture.Ids(reply.Json).Order());
        Assert.Equal("Users", (await fixture.PostAsync("tickets/search", new { query = "id:1", expand = "true" })).Json[0].TryGetProperty("group", out _) ? "Users" : null);
    }

    [Fact]
    public async Task Classic_shape_without_expand()
    {
        var expected = All.Where(t => StateOf(t) == "new").OrderByDescending(t => t.UpdatedAt).Select(t => t.Id).Take(5).ToArray();

        var json = (await fixture.GetAsync("tickets/search?query=state.name:new&per_page=5")).Json;

        Assert.Equal(["tickets", "tickets_count", "assets"], SandboxApi.Keys(json));
        Assert.Equal(expected, json.GetProperty("tickets").EnumerateArray().Select(t => t.GetInt32()));
        Assert.Equal(expected.Length, json.GetProperty("tickets_count").GetInt32());
        var assets = json.GetProperty("assets");
        Assert.Equal(["Ticket", "User", "Group", "Organization", "Role"], SandboxApi.Keys(assets));
        var ticket = assets.GetProperty("Ticket").GetProperty(expected[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(ticket.TryGetProperty("article_ids", out _));
        Assert.False(ticket.TryGetProperty("group", out _));
        var owner = fixture.Host.Zammad.Tickets.Find(expected[0])!.OwnerId;
        Assert.True(assets.GetProperty("User").TryGetProperty(owner.ToString(System.Globalization.CultureInfo.InvariantCulture), out _));
    }

    [Fact]
    public async Task Modern_shapes_without_expand()
    {
        fixture.Host.Zammad.SearchStyle = SearchStyle.Modern;
        try
        {
            var expected = Expect(t => TagsOf(t).Contains("usb"));
            var plain = (await fixture.GetAsync("tickets/search?query=tags:usb&per_page=2")).Json;
            var counted = (await fixture.GetAsync("tickets/search?query=tags:usb&per_page=2&with_total_count=true")).Json;
            var expanded = (await fixture.GetAsync("tickets/search?query=tags:usb&per_page=2&with_total_count=true&expand=true")).Json;

            Assert.Equal(JsonValueKind.Array, plain.ValueKind);
            Assert.Equal(2, plain.GetArrayLength());
            Assert.True(plain[0].TryGetProperty("article_ids", out _));
            Assert.False(plain[0].TryGetProperty("group", out _));
            Assert.Equal(["records", "total_count"], SandboxApi.Keys(counted));
            Assert.Equal(2, counted.GetProperty("records").GetArrayLength());
            Assert.Equal(expected.Length, counted.GetProperty("total_count").GetInt32());
            Assert.Equal(JsonValueKind.Array, expanded.ValueKind);
            Assert.True(expanded[0].TryGetProperty("group", out _));
        }
        finally
        {
            fixture.Host.Zammad.SearchStyle = SearchStyle.Classic;
        }
    }

    [Fact]
    public async Task Customers_find_only_their_own_tickets()
    {
        var bob = fixture.Host.Zammad.Users.FindByLoginOrEmail("bob@example.com")!;
        var reply = await fixture.SendAsync(HttpMethod.Get, "tickets/search?query=*&expand=true&per_page=200", null, ZammadSandboxFixture.AdminAuth, ("X-On-Behalf-Of", "bob@example.com"));

        Assert.Equal(Expect(t => t.CustomerId == bob.Id), ZammadSandboxFixture.Ids(reply.Json).Order());
    }
}
