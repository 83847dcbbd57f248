using System.Net;
using Xunit;

namespace CaseOps.Tests.Sandbox.Zammad;

/// <summary>Ticket tags and tag administration (docs/contracts/zammad.md, Ticket tags, Tag administration, Idempotency and side effects).</summary>
public sealed class ZammadTagTests(ZammadSandboxFixture fixture) : IClassFixture<ZammadSandboxFixture>
{
    private async Task<string[]> TagsAsync(int id) =>
        (await fixture.GetAsync($"tags?object=Ticket&o_id={id}")).Json.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToArray();

    [Fact]
    public async Task Add_and_remove_are_idempotent_and_keep_the_added_order()
    {
        var created = await fixture.CreateTicketAsync("Tags", tags: "alpha");
        var id = created.GetProperty("id").GetInt32();

        var add = await fixture.PostAsync("tags/add", new { @object = "Ticket", o_id = id, item = "zulu" });
        var afterAdd = fixture.Host.Zammad.Tickets.Find(id)!.UpdatedAt;
        var again = await fixture.PostAsync($"tags/add?object=Ticket&o_id={id}&item=ZULU", null);
        var unchanged = fixture.Host.Zammad.Tickets.Find(id)!.UpdatedAt;
        await fixture.PostAsync("tags/add", new { @object = "Ticket", o_id = id, item = "beta" });

        Assert.Equal(HttpStatusCode.Created, add.Status);
        Assert.Equal("true", add.Text);
        Assert.Equal(HttpStatusCode.Created, again.Status);
        Assert.Equal("true", again.Text);
        Assert.Equal(["alpha", "zulu", "beta"], await TagsAsync(id));
        Assert.True(afterAdd > created.GetProperty("updated_at").GetDateTime().ToUniversalTime());
        Assert.Equal(afterAdd, unchanged);

        var remove = await fixture.DeleteAsync("tags/remove", new { @object = "Ticket", o_id = id, item = "zulu" });
        var removeAgain = await fixture.DeleteAsync($"tags/remove?object=Ticket&o_id={id}&item=zulu");

        Assert.Equal(HttpStatusCode.OK, remove.Status);
        Assert.Equal("true", remove.Text);
        Assert.Equal(HttpStatusCode.OK, removeAgain.Status);
        Assert.Equal(["alpha", "beta"], fixture.Host.Zammad.Tags.TagsOf(id));
        var tagRows = fixture.Host.Zammad.History.For(id).Where(h => h.Attribute == "tag").Select(h => (h.Type, h.ValueTo)).ToArray();
        Assert.Equal([("added", "alpha"), ("added", "zulu"), ("added", "beta"), ("removed", "zulu")], tagRows);
    }

    [Fact]
    public async Task Tag_calls_on_unknown_tickets_answer_404()
    {
        (await fixture.GetAsync("tags?object=Ticket&o_id=99999")).AssertError(HttpStatusCode.NotFound, "Couldn't find Ticket with 'id'=99999");
        (await fixture.PostAsync("tags/add", new { @object = "Ticket", o_id = 99999, item = "x" })).AssertError(HttpStatusCode.NotFound, "Couldn't find Ticket with 'id'=99999");
        (await fixture.DeleteAsync("tags/remove", new { @object = "Ticket", o_id = 99999, item = "x" })).AssertError(HttpStatusCode.NotFound, "Couldn't find Ticket with 'id'=99999");
    }

    [Fact]
    public async Task Tag_search_is_a_case_insensitive_substring_in_name_order()
    {
        await fixture.CreateTicketAsync("Search tags", tags: "ts-beta,ts-Alpha,ts-gamma");

        var hits = (await fixture.GetAsync("tag_search?term=TS-")).Json;
        var limited = (await fixture.GetAsync("tag_search?term=ts-&limit=1")).Json;

        Assert.Equal(["ts-Alpha", "ts-beta", "ts-gamma"], hits.EnumerateArray().Select(h => h.GetProperty("value").GetString()));
        Assert.Equal(["id", "value"], SandboxApi.Keys(hits[0]));
        Assert.Equal(1, limited.GetArrayLength());
    }

    [Fact]
    public async Task Tag_list_counts_usage_in_ordinal_name_order()
    {
        var list = (await fixture.GetAsync("tag_list")).Json.EnumerateArray().ToArray();
        var names = list.Select(t => t.GetProperty("name").GetString()!).ToArray();
        var usbCount = fixture.Host.Zammad.Tickets.Snapshot().Count(t => fixture.Host.Zammad.Tags.TagsOf(t.Id).Contains("usb"));

        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(["id", "name", "count"], SandboxApi.Keys(list[0]));
        Assert.Equal(usbCount, list.Single(t => t.GetProperty("name").GetString() == "usb").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Admin_creates_renames_merges_and_deletes_tags()
    {
        var one = (await fixture.CreateTicketAsync("Admin 1", tags: "adm-old,adm-keep")).GetProperty("id").GetInt32();
        var two = (await fixture.CreateTicketAsync("Admin 2", tags: "adm-old,adm-target,adm-keep")).GetProperty("id").GetInt32();

        var create = await fixture.PostAsync("tag_list", new { name = "adm-new" });
        var createAgain = await fixture.PostAsync("tag_list", new { name = "ADM-NEW" });
        Assert.Equal((HttpStatusCode.OK, "{}"), (create.Status, create.Text));
        Assert.Equal((HttpStatusCode.OK, "{}"), (createAgain.Status, createAgain.Text));
        Assert.Single(fixture.Host.Zammad.Tags.List(), t => t.Name.Equals("adm-new", StringComparison.OrdinalIgnoreCase));

        var old = fixture.Host.Zammad.Tags.List().Single(t => t.Name == "adm-old");
        var rename = await fixture.PutAsync($"tag_list/{old.Id}", new { name = "adm-target" });
        Assert.Equal((HttpStatusCode.OK, "{}"), (rename.Status, rename.Text));
        Assert.Equal(["adm-target", "adm-keep"], fixture.Host.Zammad.Tags.TagsOf(one));
        Assert.Equal(["adm-target", "adm-keep"], fixture.Host.Zammad.Tags.TagsOf(two));
        Assert.DoesNotContain(fixture.Host.Zammad.Tags.List(), t => t.Name == "adm-old");
        Assert.Equal(2, fixture.Host.Zammad.Tags.List().Single(t => t.Name == "adm-target").Count);

        var keep = fixture.Host.Zammad.Tags.List().Single(t => t.Name == "adm-keep");
        var plainRename = await fixture.PutAsync($"tag_list/{keep.Id}?name=adm-kept", null);
        Assert.Equal(HttpStatusCode.OK, plainRename.Status);
        Assert.Equal(["adm-target", "adm-kept"], fixture.Host.Zammad.Tags.TagsOf(one));

        var delete = await fixture.DeleteAsync($"tag_list/{keep.Id}");
        Assert.Equal((HttpStatusCode.OK, "{}"), (delete.Status, delete.Text));
        Assert.Equal(["adm-target"], fixture.Host.Zammad.Tags.TagsOf(one));
        Assert.Equal(["adm-target"], fixture.Host.Zammad.Tags.TagsOf(two));

        (await fixture.PutAsync("tag_list/99999", new { name = "x" })).AssertError(HttpStatusCode.NotFound, "Couldn't find Tag::Item with 'id'=99999");
        (await fixture.DeleteAsync("tag_list/99999")).AssertError(HttpStatusCode.NotFound, "Couldn't find Tag::Item with 'id'=99999");
    }
}
