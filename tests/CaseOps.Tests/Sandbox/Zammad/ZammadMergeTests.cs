using System.Net;
using System.Text.Json;
using CaseOps.Sandbox.Zammad;
using Xunit;

namespace CaseOps.Tests.Sandbox.Zammad;

/// <summary>Merge (docs/contracts/zammad.md, Merging tickets, Merge answer, Idempotency and side effects): every effect on both tickets, and the error answers.</summary>
public sealed class ZammadMergeTests(ZammadSandboxFixture fixture) : IClassFixture<ZammadSandboxFixture>
{
    [Fact]
    public async Task Merge_moves_articles_links_and_marks_the_source()
    {
        var source = await fixture.CreateTicketAsync("Merge source", new { body = "source body" });
        var target = await fixture.CreateTicketAsync("Merge target", new { body = "target body" });
        var sourceId = source.GetProperty("id").GetInt32();
        var targetId = target.GetProperty("id").GetInt32();
        var targetNumber = target.GetProperty("number").GetString();
        var sourceArticle = fixture.Host.Zammad.Articles.ArticlesOf(sourceId).Single().Id;
        var related = (await fixture.PostAsync("tickets", new { title = "Related", group = "Users", customer = "bob@example.com", links = new { Ticket = new { normal = new[] { sourceId } } } })).Json.GetProperty("id").GetInt32();
        var targetBefore = (await fixture.GetAsync($"tickets/{targetId}")).Json;

        var reply = await fixture.SendAsync(HttpMethod.Put, $"ticket_merge/{sourceId}/{targetNumber}", null, ZammadSandboxFixture.AgentAuth);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var json = reply.Json;
        Assert.Equal("success", json.GetProperty("result").GetString());
        Assert.Equal(targetBefore.GetRawText(), json.GetProperty("target_ticket").GetRawText());
        var sourceJson = json.GetProperty("source_ticket");
        Assert.Equal(["state_id", "owner_id", "updated_by_id"], SandboxApi.Keys(sourceJson).Take(3));
        Assert.Equal(ZammadState.MergedId, sourceJson.GetProperty("state_id").GetInt32());
        Assert.Equal(1, sourceJson.GetProperty("owner_id").GetInt32());
        Assert.Equal(3, sourceJson.GetProperty("updated_by_id").GetInt32());

        var sourceArticles = fixture.Host.Zammad.Articles.ArticlesOf(sourceId);
        var merged = Assert.Single(sourceArticles);
        Assert.Equal("merged", merged.Body);
        Assert.False(merged.Internal);
        Assert.Equal(ZammadLookups.NoteType, merged.TypeId);
        Assert.Contains(fixture.Host.Zammad.Articles.ArticlesOf(targetId), a => a.Id == sourceArticle);
        Assert.Equal(2, fixture.Host.Zammad.Articles.ArticlesOf(targetId).Count);

        var sourceAfter = fixture.Host.Zammad.Tickets.Find(sourceId)!;
        var targetAfter = fixture.Host.Zammad.Tickets.Find(targetId)!;
        Assert.True(sourceAfter.UpdatedAt > source.GetProperty("updated_at").GetDateTime().ToUniversalTime());
        Assert.True(targetAfter.UpdatedAt > targetBefore.GetProperty("updated_at").GetDateTime().ToUniversalTime());
        Assert.Equal(3, targetAfter.UpdatedById);

        var sourceHistory = fixture.Host.Zammad.History.For(sourceId).Single(h => h.Type == "merged_into");
        var targetHistory = fixture.Host.Zammad.History.For(targetId).Single(h => h.Type == "received_merge");
        Assert.Equal((sourceId, targetId), (sourceHistory.IdFrom!.Value, sourceHistory.IdTo!.Value));
        Assert.Equal((sourceId, targetId), (targetHistory.IdFrom!.Value, targetHistory.IdTo!.Value));

        Assert.Equal([("parent", targetId)], fixture.Host.Zammad.Links.LinksOf(sourceId));
        Assert.Contains(("child", sourceId), fixture.Host.Zammad.Links.LinksOf(targetId));
        Assert.Contains(("normal", related), fixture.Host.Zammad.Links.LinksOf(targetId));
        Assert.Equal([("normal", targetId)], fixture.Host.Zammad.Links.LinksOf(related));

        var links = (await fixture.GetAsync($"links?link_object=Ticket&link_object_value={sourceId}")).Json.GetProperty("links");
        Assert.Equal("parent", links[0].GetProperty("link_type").GetString());
        Assert.Equal(targetId, links[0].GetProperty("link_object_value").GetInt32());
    }

    [Fact]
    public async Task Merge_errors()
    {
        var a = await fixture.CreateTicketAsync("Merge A");
        var b = await fixture.CreateTicketAsync("Merge B");
        var c = await fixture.CreateTicketAsync("Merge C");
        int Id(JsonElement t) => t.GetProperty("id").GetInt32();
        string? Number(JsonElement t) => t.GetProperty("number").GetString();

        (await fixture.PutAsync($"ticket_merge/{Id(a)}/{Number(a)}", null)).AssertError(HttpStatusCode.UnprocessableEntity, "A ticket cannot be merged into itself.");

        var missingTarget = (await fixture.PutAsync($"ticket_merge/{Id(a)}/99999999", null)).Json;
        var missingSource = (await fixture.PutAsync($"ticket_merge/99999/{Number(a)}", null)).Json;
        Assert.Equal("{\"result\":\"failed\",\"message\":\"The target ticket number could not be found.\"}", missingTarget.GetRawText());
        Assert.Equal("{\"result\":\"failed\",\"message\":\"The source ticket could not be found.\"}", missingSource.GetRawText());

        Assert.Equal(HttpStatusCode.OK, (await fixture.PutAsync($"ticket_merge/{Id(a)}/{Number(b)}", null)).Status);
        (await fixture.PutAsync($"ticket_merge/{Id(c)}/{Number(a)}", null)).AssertError(HttpStatusCode.UnprocessableEntity, "It is not possible to merge into an already merged ticket.");
        (await fixture.PutAsync($"ticket_merge/{Id(a)}/{Number(c)}", null)).AssertError(HttpStatusCode.UnprocessableEntity, "It is not possible to merge an already merged ticket.");
        var customer = await fixture.SendAsync(HttpMethod.Put, $"ticket_merge/{Id(c)}/{Number(b)}", null, ZammadSandboxFixture.AdminAuth, ("X-On-Behalf-Of", "bob@example.com"));
        customer.AssertError(HttpStatusCode.Forbidden, "Not authorized");
        Assert.NotEqual(ZammadState.MergedId, fixture.Host.Zammad.Tickets.Find(Id(c))!.StateId);
    }
}
