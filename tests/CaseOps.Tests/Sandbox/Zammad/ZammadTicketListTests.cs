using System.Net;
using System.Text.Json;
using Xunit;

namespace CaseOps.Tests.Sandbox.Zammad;

/// <summary>Seed data, /tickets paging and clamps, expand, lookups and user search (read-only).</summary>
public sealed class ZammadTicketListTests(ZammadLargeFixture fixture) : IClassFixture<ZammadLargeFixture>
{
    private const string TimestampPattern = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$";

    [Fact]
    public void Seed_is_deterministic_and_shaped_as_promised()
    {
        var tickets = fixture.Host.Zammad.Tickets.Snapshot();
        var bob = fixture.Host.Zammad.Users.FindByLoginOrEmail("bob@example.com")!;

        Assert.Equal(150, tickets.Count);
        Assert.Equal(Enumerable.Range(1, 150), tickets.Select(t => t.Id));
        Assert.All(tickets, t => Assert.Equal((31000 + t.Id).ToString(System.Globalization.CultureInfo.InvariantCulture), t.Number));
        Assert.True(tickets.Count(t => t.CustomerId == bob.Id) >= 5);
        Assert.True(tickets.Count(t => t.Title.Contains("USB", StringComparison.Ordinal)) >= 3);
        Assert.Equal(tickets.Count, tickets.Select(t => t.UpdatedAt).Distinct().Count());
        Assert.All(tickets, t => Assert.InRange(t.CreatedAt, ZammadSandboxFixture.Anchor.AddDays(-30), ZammadSandboxFixture.Anchor));
        Assert.All(tickets, t => Assert.NotEqual(5, t.StateId));
        Assert.Equal([1, 2, 3, 4], tickets.Select(t => t.StateId).Distinct().Order());
        Assert.Contains(tickets, t => t.OwnerId == 1);
        Assert.Contains(tickets, t => t.CustomFields.ContainsKey("risk_score"));
        Assert.Contains(tickets, t => fixture.Host.Zammad.Tags.TagsOf(t.Id).Contains("usb"));
        Assert.All(tickets, t => Assert.InRange(fixture.Host.Zammad.Articles.ArticlesOf(t.Id).Count, 1, 3));
    }

    [Fact]
    public async Task Seeded_users_have_the_fixed_ids()
    {
        var users = fixture.Host.Zammad.Users;

        Assert.Equal("-", users.Find(1)!.Login);
        Assert.Equal("admin", users.Find(2)!.Login);
        Assert.Equal("agent.smith", users.Find(3)!.Login);
        Assert.Equal("nicole.braun@example.com", users.Find(4)!.Email);
        Assert.Equal("max.mustermann", users.Find(5)!.Login);
        Assert.True(users.All.Count >= 25);
        var bob = (await fixture.GetAsync($"users/{users.FindByLoginOrEmail("bob@example.com")!.Id}")).Json;
        Assert.Equal("Bob", bob.GetProperty("firstname").GetString());
        Assert.Equal("Example", bob.GetProperty("lastname").GetString());
        (await fixture.GetAsync("users/9999")).AssertError(HttpStatusCode.NotFound, "Couldn't find User with 'id'=9999");
    }

    [Fact]
    public async Task List_is_id_ascending_with_default_and_maximum_page_size_100()
    {
        var first = (await fixture.GetAsync("tickets")).Json;
        var clamped = (await fixture.GetAsync("tickets?per_page=500")).Json;
        var second = (await fixture.GetAsync("tickets?page=2&per_page=100")).Json;

        Assert.Equal(Enumerable.Range(1, 100), ZammadSandboxFixture.Ids(first));
        Assert.Equal(100, clamped.GetArrayLength());
        Assert.Equal(Enumerable.Range(101, 50), ZammadSandboxFixture.Ids(second));
    }

    [Theory]
    [InlineData("tickets?page=3&per_page=25", 51, 25)]
    [InlineData("tickets?page=3&limit=25", 51, 25)]
    [InlineData("tickets?page=0&per_page=10", 1, 10)]
    [InlineData("tickets?page=-4&per_page=10", 1, 10)]
    [InlineData("tickets?page=7&per_page=25", 0, 0)]
    [InlineData("tickets?page=99", 0, 0)]
    public async Task Paging_follows_the_contract(string path, int firstId, int count)
    {
        var reply = await fixture.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var ids = ZammadSandboxFixture.Ids(reply.Json);
        Assert.Equal(count, ids.Length);
        if (count > 0)
        {
            Assert.Equal(firstId, ids[0]);
        }
    }

    [Fact]
    public async Task Paging_parameters_may_come_from_a_json_body_on_get()
    {
        var reply = await fixture.SendAsync(HttpMethod.Get, "tickets", new { page = 2, per_page = 7 });

        Assert.Equal(Enumerable.Range(8, 7), ZammadSandboxFixture.Ids(reply.Json));
    }

    [Fact]
    public async Task Plain_ticket_has_ids_only_and_expand_adds_names()
    {
        var plain = (await fixture.GetAsync("tickets/3")).Json;
        var expanded = (await fixture.GetAsync("tickets/3?expand=true")).Json;
        var viaOne = (await fixture.GetAsync("tickets?per_page=3&expand=1")).Json[2];
        var ticket = fixture.Host.Zammad.Tickets.Find(3)!;

        Assert.False(plain.TryGetProperty("group", out _));
        Assert.False(plain.TryGetProperty("article_ids", out _));
        Assert.Equal("31003", plain.GetProperty("number").GetString());
        Assert.Equal(JsonValueKind.String, plain.GetProperty("number").ValueKind);
        Assert.Matches(TimestampPattern, plain.GetProperty("created_at").GetString());
        Assert.Matches(TimestampPattern, plain.GetProperty("updated_at").GetString());
        Assert.True(plain.TryGetProperty("incident_ref", out _));
        Assert.True(plain.TryGetProperty("risk_score", out _));
        Assert.Equal(fixture.Host.Zammad.Groups.First(g => g.Id == ticket.GroupId).Name, expanded.GetProperty("group").GetString());
        Assert.Equal(fixture.Host.Zammad.States.First(s => s.Id == ticket.StateId).Name, expanded.GetProperty("state").GetString());
        Assert.Equal(fixture.Host.Zammad.Users.Find(ticket.OwnerId)!.Login, expanded.GetProperty("owner").GetString());
        Assert.Equal(fixture.Host.Zammad.Users.Find(ticket.CustomerId)!.Login, expanded.GetProperty("customer").GetString());
        Assert.Equal(fixture.Host.Zammad.Articles.ArticlesOf(3).Select(a => a.Id), expanded.GetProperty("article_ids").EnumerateArray().Select(a => a.GetInt32()));
        Assert.Equal(0, expanded.GetProperty("ticket_time_accounting").GetArrayLength());
        Assert.Equal(expanded.GetRawText(), viaOne.GetRawText());
    }

    [Fact]
    public async Task Organization_name_appears_only_when_set()
    {
        var tickets = fixture.Host.Zammad.Tickets.Snapshot();
        var withOrg = tickets.First(t => t.OrganizationId is not null);
        var withoutOrg = tickets.First(t => t.OrganizationId is null);

        Assert.True((await fixture.GetAsync($"tickets/{withOrg.Id}?expand=true")).Json.TryGetProperty("organization", out _));
        Assert.False((await fixture.GetAsync($"tickets/{withoutOrg.Id}?expand=true")).Json.TryGetProperty("organization", out _));
    }

    [Theory]
    [InlineData("tickets/99999", "Couldn't find Ticket with 'id'=99999")]
    [InlineData("tickets/abc", "Couldn't find Ticket with 'id'=abc")]
    [InlineData("ticket_states/99", "Couldn't find Ticket::State with 'id'=99")]
    [InlineData("ticket_priorities/99", "Couldn't find Ticket::Priority with 'id'=99")]
    [InlineData("groups/99", "Couldn't find Group with 'id'=99")]
    public async Task Missing_records_answer_404(string path, string message) =>
        (await fixture.GetAsync(path)).AssertError(HttpStatusCode.NotFound, message);

    [Fact]
    public async Task States_priorities_and_groups_are_the_seeds()
    {
        var states = (await fixture.GetAsync("ticket_states")).Json;
        var priorities = (await fixture.GetAsync("ticket_priorities")).Json;
        var groups = (await fixture.GetAsync("groups")).Json;
        var merged = (await fixture.GetAsync("ticket_states/5?expand=true")).Json;
        var pagedStates = (await fixture.GetAsync("ticket_states?per_page=2&page=2")).Json;

        Assert.Equal(["new", "open", "pending reminder", "closed", "merged", "removed", "pending close"], states.EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.False(states[5].GetProperty("active").GetBoolean());
        Assert.True(states[0].GetProperty("default_create").GetBoolean());
        Assert.True(states[1].GetProperty("default_follow_up").GetBoolean());
        Assert.Equal(["1 low", "2 normal", "3 high"], priorities.EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.True(priorities[1].GetProperty("default_create").GetBoolean());
        Assert.Equal(["Users", "Insider Risk", "Service Desk"], groups.EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal("merged", merged.GetProperty("state_type").GetString());
        Assert.Equal(6, merged.GetProperty("state_type_id").GetInt32());
        Assert.Equal([3, 4], ZammadSandboxFixture.Ids(pagedStates));
    }

    [Fact]
    public async Task User_search_matches_substrings_and_filters_agents()
    {
        var bob = (await fixture.GetAsync("users/search?query=BOB")).Json;
        var agents = (await fixture.GetAsync("users/search?query=*&permissions[]=ticket.agent")).Json;
        var agentsPlain = (await fixture.GetAsync("users/search?query=&permissions=ticket.agent")).Json;
        var limited = (await fixture.GetAsync("users/search?query=example.com&limit=3")).Json;
        var braun = (await fixture.GetAsync("users/search?query=braun")).Json;

        Assert.Equal(["bob@example.com"], bob.EnumerateArray().Select(u => u.GetProperty("login").GetString()));
        Assert.Equal([2, 3, 4, 5], ZammadSandboxFixture.Ids(agents));
        Assert.Equal([2, 3, 4, 5], ZammadSandboxFixture.Ids(agentsPlain));
        Assert.Equal([2, 3, 4], ZammadSandboxFixture.Ids(limited));
        Assert.Equal([4], ZammadSandboxFixture.Ids(braun));
    }
}
