using System.Net;
using System.Text.Json;
using Xunit;

namespace CaseOps.Tests.Sandbox.Zammad;

/// <summary>Time accounting (docs/contracts/zammad.md, Time accounting, Time accounting schema, Ticket schema): sums, type resolution, errors, expanded tickets, history.</summary>
public sealed class ZammadTimeAccountingTests(ZammadSandboxFixture fixture) : IClassFixture<ZammadSandboxFixture>
{
    private static readonly string[] EntryKeys = ["id", "ticket_id", "ticket_article_id", "time_unit", "type_id", "created_by_id", "created_at", "updated_at"];

    private async Task<int> TicketAsync(string title) => (await fixture.CreateTicketAsync(title)).GetProperty("id").GetInt32();

    private async Task<JsonElement> TicketJsonAsync(int id, bool expand = false) => (await fixture.GetAsync($"tickets/{id}?expand={(expand ? "true" : "false")}")).Json;

    [Fact]
    public async Task Entries_sum_into_the_ticket_time_unit_until_all_are_deleted()
    {
        var id = await TicketAsync("Time");
        Assert.Equal(JsonValueKind.Null, (await TicketJsonAsync(id)).GetProperty("time_unit").ValueKind);
        Assert.Equal(0, (await TicketJsonAsync(id, true)).GetProperty("ticket_time_accounting").GetArrayLength());

        var first = await fixture.PostAsync("time_accountings", new { ticket_id = id, time_unit = 10, type = "research" });
        var second = await fixture.PostAsync("time_accountings", new { ticket_id = id, time_unit = "2.5", type_id = 3 });

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(EntryKeys, SandboxApi.Keys(first.Json));
        Assert.Equal("10.0", first.Json.GetProperty("time_unit").GetString());
        Assert.Equal(1, first.Json.GetProperty("type_id").GetInt32());
        Assert.Equal(JsonValueKind.Null, first.Json.GetProperty("ticket_article_id").ValueKind);
        Assert.Equal(fixture.Host.Zammad.Users.FindByLoginOrEmail("admin")!.Id, first.Json.GetProperty("created_by_id").GetInt32());
        Assert.Equal("2.5", second.Json.GetProperty("time_unit").GetString());
        var ticket = await TicketJsonAsync(id);
        Assert.Equal("12.5", ticket.GetProperty("time_unit").GetString());
        var firstId = first.Json.GetProperty("id").GetInt32();
        var secondId = second.Json.GetProperty("id").GetInt32();
        Assert.Equal([firstId, secondId], (await TicketJsonAsync(id, true)).GetProperty("ticket_time_accounting_ids").EnumerateArray().Select(e => e.GetInt32()));
        Assert.False((await TicketJsonAsync(id, true)).TryGetProperty("ticket_time_accounting", out _));

        var list = (await fixture.GetAsync($"tickets/{id}/time_accountings")).Json;
        Assert.Equal([firstId, secondId], ZammadSandboxFixture.Ids(list));

        var put = await fixture.PutAsync($"time_accountings/{firstId}", new { time_unit = 4.25, type = "Investigation" });
        Assert.Equal(HttpStatusCode.OK, put.Status);
        Assert.Equal("4.25", put.Json.GetProperty("time_unit").GetString());
        Assert.Equal(2, put.Json.GetProperty("type_id").GetInt32());
        Assert.NotEqual(first.Json.GetProperty("updated_at").GetString(), put.Json.GetProperty("updated_at").GetString());
        Assert.Equal("6.75", (await TicketJsonAsync(id)).GetProperty("time_unit").GetString());

        var delete = await fixture.DeleteAsync($"time_accountings/{firstId}");
        Assert.Equal(HttpStatusCode.OK, delete.Status);
        Assert.Equal("{}", delete.Text);
        await fixture.DeleteAsync($"time_accountings/{secondId}");
        Assert.Equal("0.0", (await TicketJsonAsync(id)).GetProperty("time_unit").GetString());
        Assert.Equal("[]", (await fixture.GetAsync($"tickets/{id}/time_accountings")).Text);
        Assert.Empty(fixture.Host.Zammad.TimeAccountings.For(id));

        var history = fixture.Host.Zammad.History.For(id).Where(h => h.Attribute == "time_unit").Select(h => (h.ValueFrom, h.ValueTo)).ToArray();
        Assert.Equal([(null, "10.0"), ("10.0", "12.5"), ("12.5", "6.75"), ("6.75", "2.5"), ("2.5", "0.0")], history);
    }

    [Fact]
    public async Task Entries_link_to_articles_of_the_same_ticket()
    {
        var ticket = await fixture.CreateTicketAsync("Time per article");
        var id = ticket.GetProperty("id").GetInt32();
        var articleId = ticket.GetProperty("article_ids")[0].GetInt32();
        var other = fixture.Host.Zammad.Articles.ArticlesOf(1)[0].Id;

        var reply = await fixture.PostAsync("time_accountings", new { ticket_id = id, ticket_article_id = articleId, time_unit = "0.5" });

        Assert.Equal(articleId, reply.Json.GetProperty("ticket_article_id").GetInt32());
        Assert.Equal(JsonValueKind.Null, reply.Json.GetProperty("type_id").ValueKind);
        Assert.Equal("0.5", (await fixture.GetAsync($"ticket_articles/{articleId}")).Json.GetProperty("time_unit").GetString());
        (await fixture.PostAsync("time_accountings", new { ticket_id = id, ticket_article_id = other, time_unit = 1 }))
            .AssertError(HttpStatusCode.UnprocessableEntity, $"No lookup value found for 'ticket_article_id': \"{other}\"");
    }

    [Fact]
    public async Task Invalid_input_answers_the_documented_errors()
    {
        var id = await TicketAsync("Time errors");

        (await fixture.PostAsync("time_accountings", new { ticket_id = 99999, time_unit = 1 })).AssertError(HttpStatusCode.NotFound, "Couldn't find Ticket with 'id'=99999");
        (await fixture.PostAsync("time_accountings", new { ticket_id = id })).AssertError(HttpStatusCode.UnprocessableEntity, "Time unit is invalid");
        (await fixture.PostAsync("time_accountings", new { ticket_id = id, time_unit = "soon" })).AssertError(HttpStatusCode.UnprocessableEntity, "Time unit is invalid");
        (await fixture.PostAsync("time_accountings", new { ticket_id = id, time_unit = 1, type = "Gardening" })).AssertError(HttpStatusCode.UnprocessableEntity, "No lookup value found for 'type': \"Gardening\"");
        (await fixture.PostAsync("time_accountings", new { ticket_id = id, time_unit = 1, type_id = 42 })).AssertError(HttpStatusCode.UnprocessableEntity, "No lookup value found for 'type_id': \"42\"");
        (await fixture.PutAsync("time_accountings/99999", new { time_unit = 1 })).AssertError(HttpStatusCode.NotFound, "Couldn't find Ticket::TimeAccounting with 'id'=99999");
        (await fixture.DeleteAsync("time_accountings/99999")).AssertError(HttpStatusCode.NotFound, "Couldn't find Ticket::TimeAccounting with 'id'=99999");
        (await fixture.GetAsync("tickets/99999/time_accountings")).AssertError(HttpStatusCode.NotFound, "Couldn't find Ticket with 'id'=99999");
        Assert.Empty(fixture.Host.Zammad.TimeAccountings.For(id));

        var legacy = await fixture.PostAsync("time_accountings", new { ticket_id = id, time_unit = 1, type = "Legacy" });
        Assert.Equal(4, legacy.Json.GetProperty("type_id").GetInt32());
    }

    [Fact]
    public async Task Types_are_seeded()
    {
        var reply = await fixture.GetAsync("time_accounting/types", ZammadSandboxFixture.AgentAuth);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var types = reply.Json.EnumerateArray().ToArray();
        Assert.Equal(["id", "name", "note", "active", "created_at", "updated_at"], SandboxApi.Keys(types[0]));
        Assert.Equal([(1, "Research", true), (2, "Investigation", true), (3, "Communication", true), (4, "Legacy", false)],
            types.Select(t => (t.GetProperty("id").GetInt32(), t.GetProperty("name").GetString()!, t.GetProperty("active").GetBoolean())));
    }

    [Fact]
    public async Task Ticket_create_with_an_article_time_unit_records_an_entry()
    {
        var json = await fixture.CreateTicketAsync("Timed create", new { body = "did work", time_unit = 3 });
        var id = json.GetProperty("id").GetInt32();

        Assert.Equal("3.0", json.GetProperty("time_unit").GetString());
        var entry = Assert.Single(fixture.Host.Zammad.TimeAccountings.For(id));
        Assert.Equal(json.GetProperty("article_ids")[0].GetInt32(), entry.TicketArticleId);
        Assert.Equal(entry.Id, json.GetProperty("ticket_time_accounting_ids")[0].GetInt32());
    }
}
