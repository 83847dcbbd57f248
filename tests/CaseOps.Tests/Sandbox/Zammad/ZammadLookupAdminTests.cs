using System.Net;
using System.Text.Json;
using Xunit;

namespace CaseOps.Tests.Sandbox.Zammad;

/// <summary>Priority and state administration (docs/contracts/zammad.md, Priorities and states, Priority and state schemas) and state types.</summary>
public sealed class ZammadLookupAdminTests(ZammadSandboxFixture fixture) : IClassFixture<ZammadSandboxFixture>
{
    private const string References = "Can't delete, object has references.";

    private async Task<string[]> NamesAsync(string path) =>
        (await fixture.GetAsync(path)).Json.EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToArray();

    [Fact]
    public async Task Priority_create_update_delete_round_trip()
    {
        var created = await fixture.PostAsync("ticket_priorities", new { name = "4 urgent", ui_color = "high-priority", note = "pager" });

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var json = created.Json;
        var id = json.GetProperty("id").GetInt32();
        Assert.True(id > 3);
        Assert.Equal("4 urgent", json.GetProperty("name").GetString());
        Assert.False(json.GetProperty("default_create").GetBoolean());
        Assert.True(json.GetProperty("active").GetBoolean());
        Assert.Equal("pager", json.GetProperty("note").GetString());
        Assert.Equal("high-priority", json.GetProperty("ui_color").GetString());
        Assert.Contains("4 urgent", await NamesAsync("ticket_priorities"));
        Assert.Equal("4 urgent", fixture.Host.Zammad.Priorities.Single(p => p.Id == id).Name);

        var ticket = (await fixture.PostAsync("tickets", new { title = "Urgent", group = "Users", customer = "bob@example.com", priority = "4 URGENT" })).Json;
        Assert.Equal(id, ticket.GetProperty("priority_id").GetInt32());
        var ticketId = ticket.GetProperty("id").GetInt32();

        var renamed = await fixture.PutAsync($"ticket_priorities/{id}", new { name = "4 critical", active = false });
        Assert.Equal(HttpStatusCode.OK, renamed.Status);
        Assert.Equal("4 critical", renamed.Json.GetProperty("name").GetString());
        Assert.False(renamed.Json.GetProperty("active").GetBoolean());
        Assert.Equal("pager", renamed.Json.GetProperty("note").GetString());
        Assert.NotEqual(json.GetProperty("updated_at").GetString(), renamed.Json.GetProperty("updated_at").GetString());
        Assert.Equal(json.GetProperty("created_at").GetString(), renamed.Json.GetProperty("created_at").GetString());
        Assert.Equal("4 critical", (await fixture.GetAsync($"tickets/{ticketId}?expand=true")).Json.GetProperty("priority").GetString());
        var search = (await fixture.GetAsync("tickets/search?query=priority.name:critical&expand=true")).Json;
        Assert.Equal([ticketId], ZammadSandboxFixture.Ids(search));

        (await fixture.DeleteAsync($"ticket_priorities/{id}")).AssertError(HttpStatusCode.UnprocessableEntity, References);
        await fixture.PutAsync($"tickets/{ticketId}", new { priority_id = 2 });
        var deleted = await fixture.DeleteAsync($"ticket_priorities/{id}");
        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal("{}", deleted.Text);
        Assert.DoesNotContain("4 critical", await NamesAsync("ticket_priorities"));
        (await fixture.GetAsync($"ticket_priorities/{id}")).AssertError(HttpStatusCode.NotFound, $"Couldn't find Ticket::Priority with 'id'={id}");
        (await fixture.PostAsync("tickets", new { title = "Gone", group = "Users", customer = "bob@example.com", priority = "4 critical" }))
            .AssertError(HttpStatusCode.UnprocessableEntity, "No lookup value found for 'priority': \"4 critical\"");
    }

    [Fact]
    public async Task Priority_validation_and_refusals()
    {
        (await fixture.PostAsync("ticket_priorities", new { note = "no name" })).AssertError(HttpStatusCode.UnprocessableEntity, "Name can't be blank");
        (await fixture.PostAsync("ticket_priorities", new { name = "  " })).AssertError(HttpStatusCode.UnprocessableEntity, "Name can't be blank");
        (await fixture.PostAsync("ticket_priorities", new { name = "3 HIGH" })).AssertError(HttpStatusCode.UnprocessableEntity, "Name has already been taken");
        (await fixture.PutAsync("ticket_priorities/1", new { name = "2 Normal" })).AssertError(HttpStatusCode.UnprocessableEntity, "Name has already been taken");
        (await fixture.PutAsync("ticket_priorities/99999", new { name = "x" })).AssertError(HttpStatusCode.NotFound, "Couldn't find Ticket::Priority with 'id'=99999");
        (await fixture.DeleteAsync("ticket_priorities/99999")).AssertError(HttpStatusCode.NotFound, "Couldn't find Ticket::Priority with 'id'=99999");

        var spare = (await fixture.PostAsync("ticket_priorities", new { name = "9 spare", default_create = true })).Json;
        var spareId = spare.GetProperty("id").GetInt32();
        Assert.True(spare.GetProperty("default_create").GetBoolean());
        Assert.False((await fixture.GetAsync("ticket_priorities/2")).Json.GetProperty("default_create").GetBoolean());
        var defaulted = (await fixture.PostAsync("tickets", new { title = "Default priority", group = "Users", customer = "bob@example.com" })).Json;
        Assert.Equal(spareId, defaulted.GetProperty("priority_id").GetInt32());
        await fixture.DeleteAsync($"tickets/{defaulted.GetProperty("id").GetInt32()}");

        var refused = await fixture.DeleteAsync($"ticket_priorities/{spareId}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("default priority", refused.Json.GetProperty("error").GetString(), StringComparison.Ordinal);

        await fixture.PutAsync("ticket_priorities/2", new { default_create = true });
        Assert.Equal(HttpStatusCode.OK, (await fixture.DeleteAsync($"ticket_priorities/{spareId}")).Status);
    }

    [Fact]
    public async Task State_create_update_delete_round_trip()
    {
        var created = await fixture.PostAsync("ticket_states", new { name = "waiting for vendor", state_type_id = 4, next_state_id = 2, ignore_escalation = true });

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var json = created.Json;
        var id = json.GetProperty("id").GetInt32();
        Assert.True(id > 7);
        Assert.Equal(4, json.GetProperty("state_type_id").GetInt32());
        Assert.Equal(2, json.GetProperty("next_state_id").GetInt32());
        Assert.True(json.GetProperty("ignore_escalation").GetBoolean());
        Assert.False(json.GetProperty("default_create").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("note").ValueKind);
        Assert.Contains("waiting for vendor", await NamesAsync("ticket_states"));

        var ticket = (await fixture.PostAsync("tickets", new { title = "Vendor", group = "Users", customer = "bob@example.com", state_id = id })).Json;
        var ticketId = ticket.GetProperty("id").GetInt32();
        Assert.Equal(id, ticket.GetProperty("state_id").GetInt32());
        Assert.Equal([ticketId], ZammadSandboxFixture.Ids((await fixture.GetAsync("tickets/search?query=state.name:vendor&expand=true")).Json));

        var renamed = await fixture.PutAsync($"ticket_states/{id}", new { name = "vendor hold", state_type = "pending reminder", note = "ask weekly" });
        Assert.Equal("vendor hold", renamed.Json.GetProperty("name").GetString());
        Assert.Equal(3, renamed.Json.GetProperty("state_type_id").GetInt32());
        Assert.Equal(2, renamed.Json.GetProperty("next_state_id").GetInt32());
        Assert.NotEqual(json.GetProperty("updated_at").GetString(), renamed.Json.GetProperty("updated_at").GetString());
        Assert.Equal("vendor hold", (await fixture.GetAsync($"tickets/{ticketId}?expand=true")).Json.GetProperty("state").GetString());
        Assert.Contains("vendor hold", await NamesAsync("ticket_states"));
        Assert.Equal(id, (await fixture.PutAsync($"tickets/{ticketId}", new { state = "Vendor Hold" })).Json.GetProperty("state_id").GetInt32());

        (await fixture.DeleteAsync($"ticket_states/{id}")).AssertError(HttpStatusCode.UnprocessableEntity, References);
        await fixture.DeleteAsync($"tickets/{ticketId}");
        Assert.Equal("{}", (await fixture.DeleteAsync($"ticket_states/{id}")).Text);
        Assert.DoesNotContain("vendor hold", await NamesAsync("ticket_states"));
        Assert.DoesNotContain(fixture.Host.Zammad.States, s => s.Id == id);
        (await fixture.DeleteAsync($"ticket_states/{id}")).AssertError(HttpStatusCode.NotFound, $"Couldn't find Ticket::State with 'id'={id}");
    }

    [Fact]
    public async Task State_validation_and_refusals()
    {
        (await fixture.PostAsync("ticket_states", new { state_type_id = 2 })).AssertError(HttpStatusCode.UnprocessableEntity, "Name can't be blank");
        (await fixture.PostAsync("ticket_states", new { name = "OPEN", state_type_id = 2 })).AssertError(HttpStatusCode.UnprocessableEntity, "Name has already been taken");
        (await fixture.PostAsync("ticket_states", new { name = "limbo", state_type_id = 99 })).AssertError(HttpStatusCode.UnprocessableEntity, "No lookup value found for 'state_type_id': \"99\"");
        (await fixture.PostAsync("ticket_states", new { name = "limbo" })).AssertError(HttpStatusCode.UnprocessableEntity, "No lookup value found for 'state_type_id': \"\"");
        (await fixture.PostAsync("ticket_states", new { name = "limbo", state_type_id = 2, next_state_id = 999 })).AssertError(HttpStatusCode.UnprocessableEntity, "No lookup value found for 'next_state_id': \"999\"");
        (await fixture.PutAsync("ticket_states/3", new { name = "Closed" })).AssertError(HttpStatusCode.UnprocessableEntity, "Name has already been taken");
        (await fixture.GetAsync("ticket_states/99999")).AssertError(HttpStatusCode.NotFound, "Couldn't find Ticket::State with 'id'=99999");
        Assert.DoesNotContain("limbo", await NamesAsync("ticket_states"));

        // "removed" (6) is unused by the seeds; "new" is the create default; "closed" is pending close's next state.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await fixture.DeleteAsync("ticket_states/1")).Status);
        (await fixture.DeleteAsync("ticket_states/4")).AssertError(HttpStatusCode.UnprocessableEntity, References);
        Assert.Equal(HttpStatusCode.OK, (await fixture.DeleteAsync("ticket_states/6")).Status);
    }

    [Fact]
    public async Task Administration_is_admin_only_but_lists_are_not()
    {
        var agent = ZammadSandboxFixture.AgentAuth;

        (await fixture.PostAsync("ticket_priorities", new { name = "agent made" }, agent)).AssertError(HttpStatusCode.Forbidden, "Not authorized");
        (await fixture.PutAsync("ticket_priorities/1", new { name = "agent renamed" }, agent)).AssertError(HttpStatusCode.Forbidden, "Not authorized");
        (await fixture.DeleteAsync("ticket_priorities/99999", auth: agent)).AssertError(HttpStatusCode.Forbidden, "Not authorized");
        (await fixture.PostAsync("ticket_states", new { name = "agent made", state_type_id = 2 }, agent)).AssertError(HttpStatusCode.Forbidden, "Not authorized");
        (await fixture.PutAsync("ticket_states/2", new { name = "agent renamed" }, agent)).AssertError(HttpStatusCode.Forbidden, "Not authorized");
        (await fixture.DeleteAsync("ticket_states/6", auth: agent)).AssertError(HttpStatusCode.Forbidden, "Not authorized");
        Assert.Equal(HttpStatusCode.OK, (await fixture.GetAsync("ticket_priorities", agent)).Status);

        var types = await fixture.GetAsync("ticket_state_types", agent);
        Assert.Equal(HttpStatusCode.OK, types.Status);
        Assert.Equal(["id", "name"], SandboxApi.Keys(types.Json[0]));
        Assert.Equal(["new", "open", "pending reminder", "pending action", "closed", "merged", "removed"], types.Json.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], types.Json.EnumerateArray().Select(t => t.GetProperty("id").GetInt32()));
    }
}
