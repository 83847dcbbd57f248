using System.Net;
using System.Text.Json;
using Xunit;

namespace CaseOps.Tests.Sandbox.Zammad;

/// <summary>Links: list, add, remove (docs/contracts/zammad.md, Links, Link schemas, Idempotency and side effects), their history and updated_at bumps.</summary>
public sealed class ZammadLinkTests(ZammadSandboxFixture fixture) : IClassFixture<ZammadSandboxFixture>
{
    private static readonly string[] RowKeys =
    [
        "id", "link_type_id", "link_object_source_id", "link_object_source_value", "link_object_target_id", "link_object_target_value", "created_at", "updated_at",
    ];

    private async Task<(int Id, string Number)> TicketAsync(string title)
    {
        var json = await fixture.CreateTicketAsync(title);
        return (json.GetProperty("id").GetInt32(), json.GetProperty("number").GetString()!);
    }

    private async Task<(string Type, int Id)[]> LinksAsync(int id) =>
        (await fixture.GetAsync($"links?link_object=Ticket&link_object_value={id}")).Json.GetProperty("links").EnumerateArray()
            .Select(l => (l.GetProperty("link_type").GetString()!, l.GetProperty("link_object_value").GetInt32())).ToArray();

    [Fact]
    public async Task Parent_link_makes_the_target_a_child_of_the_source()
    {
        var a = await TicketAsync("Parent A");
        var b = await TicketAsync("Child B");
        var beforeA = fixture.Host.Zammad.Tickets.Find(a.Id)!.UpdatedAt;
        var beforeB = fixture.Host.Zammad.Tickets.Find(b.Id)!.UpdatedAt;

        var reply = await fixture.PostAsync("links/add", new
        {
            link_type = "parent", link_object_source = "Ticket", link_object_source_number = a.Number, link_object_target = "Ticket", link_object_target_value = b.Id,
        });

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        var row = reply.Json;
        Assert.Equal(RowKeys, SandboxApi.Keys(row));
        Assert.Equal(2, row.GetProperty("link_type_id").GetInt32());
        Assert.Equal(1, row.GetProperty("link_object_source_id").GetInt32());
        Assert.Equal(a.Id, row.GetProperty("link_object_source_value").GetInt32());
        Assert.Equal(b.Id, row.GetProperty("link_object_target_value").GetInt32());
        Assert.Equal([("child", b.Id)], await LinksAsync(a.Id));
        Assert.Equal([("parent", a.Id)], await LinksAsync(b.Id));
        Assert.True(fixture.Host.Zammad.Tickets.Find(a.Id)!.UpdatedAt > beforeA);
        Assert.True(fixture.Host.Zammad.Tickets.Find(b.Id)!.UpdatedAt > beforeB);

        var list = (await fixture.GetAsync($"links?link_object=Ticket&link_object_value={a.Id}")).Json;
        var asset = list.GetProperty("assets").GetProperty("Ticket").GetProperty(b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(b.Number, asset.GetProperty("number").GetString());
        Assert.True(asset.TryGetProperty("article_ids", out _));

        var aHistory = fixture.Host.Zammad.History.For(a.Id).Last();
        var bHistory = fixture.Host.Zammad.History.For(b.Id).Last();
        Assert.Equal(("added", "child", b.Number, b.Id), (aHistory.Type, aHistory.Attribute!, aHistory.ValueTo!, aHistory.IdTo!.Value));
        Assert.Equal(("added", "parent", a.Number, a.Id), (bHistory.Type, bHistory.Attribute!, bHistory.ValueTo!, bHistory.IdTo!.Value));
    }

    [Fact]
    public async Task Adding_the_same_link_again_answers_the_existing_row_and_keeps_one()
    {
        var a = await TicketAsync("Twice A");
        var b = await TicketAsync("Twice B");

        var first = await fixture.PostAsync("links/add", new { link_type = "normal", link_object_source = "Ticket", link_object_source_number = a.Number, link_object_target = "Ticket", link_object_target_value = b.Id });
        var updated = fixture.Host.Zammad.Tickets.Find(a.Id)!.UpdatedAt;
        var second = await fixture.PostAsync($"links/add?link_type=normal&link_object_source=Ticket&link_object_source_number={a.Number}&link_object_target=Ticket&link_object_target_value={b.Id}", null);
        var inverse = await fixture.PostAsync("links/add", new { link_type = "normal", link_object_source = "Ticket", link_object_source_number = b.Number, link_object_target = "Ticket", link_object_target_value = a.Id });

        Assert.Equal(HttpStatusCode.Created, second.Status);
        Assert.Equal(HttpStatusCode.Created, inverse.Status);
        Assert.Equal(first.Json.GetRawText(), second.Json.GetRawText());
        Assert.Equal(first.Json.GetProperty("id").GetInt32(), inverse.Json.GetProperty("id").GetInt32());
        Assert.Equal([("normal", b.Id)], await LinksAsync(a.Id));
        Assert.Equal(updated, fixture.Host.Zammad.Tickets.Find(a.Id)!.UpdatedAt);
        Assert.Single(fixture.Host.Zammad.History.For(a.Id), h => h.Type == "added" && h.Attribute == "normal");
    }

    [Fact]
    public async Task Remove_works_from_either_viewpoint_and_is_idempotent()
    {
        var a = await TicketAsync("Remove A");
        var b = await TicketAsync("Remove B");
        var added = (await fixture.PostAsync("links/add", new { link_type = "parent", link_object_source = "Ticket", link_object_source_number = a.Number, link_object_target = "Ticket", link_object_target_value = b.Id })).Json;
        var beforeA = fixture.Host.Zammad.Tickets.Find(a.Id)!.UpdatedAt;

        // B's viewpoint: B lists A as parent, so the inverse row (child, B, A) names the same link.
        var removed = await fixture.DeleteAsync("links/remove", new { link_type = "child", link_object_source = "Ticket", link_object_source_value = b.Id, link_object_target = "Ticket", link_object_target_value = a.Id });
        var again = await fixture.DeleteAsync($"links/remove?link_type=child&link_object_source=Ticket&link_object_source_value={b.Id}&link_object_target=Ticket&link_object_target_value={a.Id}");

        Assert.Equal(HttpStatusCode.Created, removed.Status);
        Assert.Equal(added.GetRawText(), Assert.Single(removed.Json.EnumerateArray()).GetRawText());
        Assert.Equal(HttpStatusCode.Created, again.Status);
        Assert.Equal("[]", again.Text);
        Assert.Empty(await LinksAsync(a.Id));
        Assert.Equal("{\"links\":[],\"assets\":{}}", (await fixture.GetAsync($"links?link_object=Ticket&link_object_value={b.Id}")).Text);
        Assert.True(fixture.Host.Zammad.Tickets.Find(a.Id)!.UpdatedAt > beforeA);
        var history = fixture.Host.Zammad.History.For(a.Id).Last();
        Assert.Equal(("removed", "child", b.Number), (history.Type, history.Attribute!, history.ValueTo!));

        var wire = (await fixture.GetAsync($"ticket_history/{a.Id}")).Json.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("removed", wire.GetProperty("type").GetString());
        Assert.Equal("child", wire.GetProperty("attribute").GetString());
        Assert.Equal(JsonValueKind.Null, wire.GetProperty("value_from").ValueKind);
        Assert.Equal(b.Id, wire.GetProperty("id_to").GetInt32());
        Assert.Equal(JsonValueKind.Null, wire.GetProperty("id_from").ValueKind);
        Assert.Equal(JsonValueKind.Null, wire.GetProperty("related_history_object_id").ValueKind);
        Assert.False(wire.TryGetProperty("history_attribute_id", out _));
    }

    [Fact]
    public async Task Add_and_remove_errors()
    {
        var a = await TicketAsync("Errors A");

        (await fixture.PostAsync("links/add", new { link_type = "normal", link_object_source = "Ticket", link_object_source_number = "999999", link_object_target = "Ticket", link_object_target_value = a.Id }))
            .AssertError(HttpStatusCode.UnprocessableEntity, "No such object!");
        (await fixture.PostAsync("links/add", new { link_type = "normal", link_object_source = "Ticket", link_object_source_number = a.Number, link_object_target = "Ticket", link_object_target_value = 99999 }))
            .AssertError(HttpStatusCode.UnprocessableEntity, "No such object!");
        (await fixture.PostAsync("links/add", new { link_type = "sibling", link_object_source = "Ticket", link_object_source_number = a.Number, link_object_target = "Ticket", link_object_target_value = 1 }))
            .AssertError(HttpStatusCode.UnprocessableEntity, "No such link type 'sibling'");
        (await fixture.DeleteAsync("links/remove", new { link_type = "sibling", link_object_source_value = a.Id, link_object_target_value = 1 }))
            .AssertError(HttpStatusCode.UnprocessableEntity, "No such link type 'sibling'");
        var missing = await fixture.DeleteAsync("links/remove", new { link_type = "normal", link_object_source = "Ticket", link_object_source_value = 99998, link_object_target = "Ticket", link_object_target_value = 99999 });
        Assert.Equal(HttpStatusCode.Created, missing.Status);
        Assert.Equal("[]", missing.Text);
        var customer = await fixture.SendAsync(HttpMethod.Post, "links/add", new { link_type = "normal", link_object_source = "Ticket", link_object_source_number = a.Number, link_object_target = "Ticket", link_object_target_value = 1 }, ZammadSandboxFixture.AdminAuth, ("X-On-Behalf-Of", "bob@example.com"));
        customer.AssertError(HttpStatusCode.Forbidden, "Not authorized");
    }
}
