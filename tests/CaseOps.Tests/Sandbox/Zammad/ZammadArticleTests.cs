using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Xunit;

namespace CaseOps.Tests.Sandbox.Zammad;

/// <summary>Articles and attachments (docs/contracts/zammad.md, Articles and attachments, Article schema, Article request body).</summary>
public sealed class ZammadArticleTests(ZammadSandboxFixture fixture) : IClassFixture<ZammadSandboxFixture>
{
    private static readonly string[] ArticleKeys =
    [
        "id", "ticket_id", "type_id", "sender_id", "from", "to", "cc", "subject", "reply_to", "message_id", "message_id_md5",
        "in_reply_to", "content_type", "references", "body", "internal", "preferences", "updated_by_id", "created_by_id",
        "origin_by_id", "created_at", "updated_at", "attachments", "type", "sender", "created_by", "updated_by", "time_unit",
    ];

    private async Task<(HttpStatusCode Status, byte[] Bytes, HttpContentHeaders Headers)> DownloadAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Authorization", ZammadSandboxFixture.AdminAuth);
        using var response = await fixture.Client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return (response.StatusCode, bytes, response.Content.Headers);
    }

    [Fact]
    public async Task Seeded_articles_are_listed_oldest_first_with_names()
    {
        var seeded = fixture.Host.Zammad.Articles.ArticlesOf(5);

        var reply = await fixture.GetAsync("ticket_articles/by_ticket/5");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var list = reply.Json.EnumerateArray().ToArray();
        Assert.Equal(seeded.Select(a => a.Id), list.Select(a => a.GetProperty("id").GetInt32()));
        Assert.Equal(ArticleKeys, SandboxApi.Keys(list[0]));
        var first = list[0];
        Assert.Equal(5, first.GetProperty("ticket_id").GetInt32());
        Assert.Equal(seeded[0].Body, first.GetProperty("body").GetString());
        Assert.Contains(first.GetProperty("type").GetString(), new[] { "email", "phone" });
        Assert.Equal(first.GetProperty("type").GetString() == "email" ? "Customer" : "Agent", first.GetProperty("sender").GetString());
        Assert.Equal(fixture.Host.Zammad.Users.Find(seeded[0].CreatedById)!.Login, first.GetProperty("created_by").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("time_unit").ValueKind);
        Assert.Equal(0, first.GetProperty("attachments").GetArrayLength());

        var one = await fixture.GetAsync($"ticket_articles/{seeded[0].Id}");
        Assert.Equal(first.GetRawText(), one.Json.GetRawText());
    }

    [Fact]
    public async Task Create_stores_attachments_that_download_byte_for_byte()
    {
        var ticket = await fixture.CreateTicketAsync("Article target");
        var id = ticket.GetProperty("id").GetInt32();
        var bytes = new byte[] { 0, 1, 2, 250, 255, 10, 13 };
        var text = Encoding.UTF8.GetBytes("hello, world");

        var reply = await fixture.PostAsync("ticket_articles", new Dictionary<string, object?>
        {
            ["ticket_id"] = id,
            ["body"] = "<p>See files</p>",
            ["type"] = "email",
            ["content_type"] = "text/html",
            ["subject"] = "Evidence",
            ["to"] = "sec@example.com",
            ["cc"] = "boss@example.com",
            ["internal"] = true,
            ["attachments"] = new object[]
            {
                new Dictionary<string, string> { ["filename"] = "dump.bin", ["data"] = Convert.ToBase64String(bytes), ["mime-type"] = "application/octet-stream" },
                new Dictionary<string, string> { ["filename"] = "note.txt", ["data"] = Convert.ToBase64String(text), ["mime-type"] = "text/plain" },
            },
        });

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        var json = reply.Json;
        var articleId = json.GetProperty("id").GetInt32();
        Assert.Equal(id, json.GetProperty("ticket_id").GetInt32());
        Assert.Equal("email", json.GetProperty("type").GetString());
        Assert.Equal(1, json.GetProperty("type_id").GetInt32());
        Assert.Equal("Agent", json.GetProperty("sender").GetString());
        Assert.Equal("text/html", json.GetProperty("content_type").GetString());
        Assert.Equal("Evidence", json.GetProperty("subject").GetString());
        Assert.Equal("boss@example.com", json.GetProperty("cc").GetString());
        Assert.True(json.GetProperty("internal").GetBoolean());
        Assert.Equal("admin", json.GetProperty("created_by").GetString());
        var attachments = json.GetProperty("attachments").EnumerateArray().ToArray();
        Assert.Equal(["id", "store_file_id", "filename", "size", "preferences"], SandboxApi.Keys(attachments[0]));
        Assert.Equal("dump.bin", attachments[0].GetProperty("filename").GetString());
        Assert.Equal("7", attachments[0].GetProperty("size").GetString());
        Assert.Equal("12", attachments[1].GetProperty("size").GetString());
        Assert.Equal("application/octet-stream", attachments[0].GetProperty("preferences").GetProperty("Mime-Type").GetString());
        Assert.NotEqual(attachments[0].GetProperty("id").GetInt32(), attachments[0].GetProperty("store_file_id").GetInt32());
        var attachmentId = attachments[0].GetProperty("id").GetInt32();

        var download = await DownloadAsync($"ticket_attachment/{id}/{articleId}/{attachmentId}");
        Assert.Equal(HttpStatusCode.OK, download.Status);
        Assert.Equal(bytes, download.Bytes);
        Assert.Equal("application/octet-stream", download.Headers.ContentType!.MediaType);
        Assert.Equal(7, download.Headers.ContentLength);
        Assert.Equal("attachment; filename=\"dump.bin\"", string.Join(",", download.Headers.GetValues("Content-Disposition")));

        var second = await DownloadAsync($"ticket_attachment/{id}/{articleId}/{attachments[1].GetProperty("id").GetInt32()}");
        Assert.Equal(text, second.Bytes);
        Assert.Equal("text/plain", second.Headers.ContentType!.MediaType);

        var stored = fixture.Host.Zammad.Articles.ArticlesOf(id).Single(a => a.Id == articleId);
        Assert.Equal(bytes, stored.Attachments[0].Data.ToArray());
    }

    [Fact]
    public async Task Attachment_download_answers_404_when_an_id_does_not_match()
    {
        var one = (await fixture.CreateTicketAsync("Download A")).GetProperty("id").GetInt32();
        var two = (await fixture.CreateTicketAsync("Download B")).GetProperty("id").GetInt32();
        var article = (await fixture.PostAsync("ticket_articles", new
        {
            ticket_id = one,
            body = "file",
            attachments = new[] { new Dictionary<string, string> { ["filename"] = "a.txt", ["data"] = "YQ==", ["mime-type"] = "text/plain" } },
        })).Json;
        var articleId = article.GetProperty("id").GetInt32();
        var attachmentId = article.GetProperty("attachments")[0].GetProperty("id").GetInt32();
        var plain = fixture.Host.Zammad.Articles.ArticlesOf(one)[0].Id;

        Assert.Equal(HttpStatusCode.OK, (await DownloadAsync($"ticket_attachment/{one}/{articleId}/{attachmentId}")).Status);
        (await fixture.GetAsync($"ticket_attachment/99999/{articleId}/{attachmentId}")).AssertError(HttpStatusCode.NotFound, "Couldn't find Ticket with 'id'=99999");
        (await fixture.GetAsync($"ticket_attachment/{two}/{articleId}/{attachmentId}")).AssertError(HttpStatusCode.NotFound, $"Couldn't find Ticket::Article with 'id'={articleId}");
        (await fixture.GetAsync($"ticket_attachment/{one}/99999/{attachmentId}")).AssertError(HttpStatusCode.NotFound, "Couldn't find Ticket::Article with 'id'=99999");
        (await fixture.GetAsync($"ticket_attachment/{one}/{plain}/{attachmentId}")).AssertError(HttpStatusCode.NotFound, $"Couldn't find Store with 'id'={attachmentId}");
        (await fixture.GetAsync($"ticket_attachment/{one}/{articleId}/99999")).AssertError(HttpStatusCode.NotFound, "Couldn't find Store with 'id'=99999");
    }

    [Fact]
    public async Task Create_bumps_the_ticket_and_writes_history()
    {
        var ticket = await fixture.CreateTicketAsync("Bump me");
        var id = ticket.GetProperty("id").GetInt32();
        var before = fixture.Host.Zammad.Tickets.Find(id)!.UpdatedAt;

        var reply = await fixture.PostAsync("ticket_articles", new { ticket_id = id, body = "Phone call", type = "phone", sender = "Customer" });

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        var articleId = reply.Json.GetProperty("id").GetInt32();
        Assert.Equal("Customer", reply.Json.GetProperty("sender").GetString());
        Assert.Equal("text/plain", reply.Json.GetProperty("content_type").GetString());
        Assert.False(reply.Json.GetProperty("internal").GetBoolean());
        var after = (await fixture.GetAsync($"tickets/{id}")).Json;
        Assert.Equal(2, after.GetProperty("article_count").GetInt32());
        Assert.True(after.GetProperty("updated_at").GetDateTime().ToUniversalTime() > before);
        Assert.Equal(reply.Json.GetProperty("created_at").GetString(), after.GetProperty("updated_at").GetString());

        var history = (await fixture.GetAsync($"ticket_history/{id}")).Json;
        var row = history.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("Ticket::Article", row.GetProperty("object").GetString());
        Assert.Equal("created", row.GetProperty("type").GetString());
        Assert.Equal(articleId, row.GetProperty("o_id").GetInt32());
        Assert.Equal(id, row.GetProperty("related_o_id").GetInt32());
        Assert.Equal("Ticket", row.GetProperty("related_object").GetString());
        Assert.False(row.TryGetProperty("related_history_object_id", out _));
        Assert.Equal(JsonValueKind.Null, row.GetProperty("history_attribute_id").ValueKind);
        Assert.Equal("Phone call", history.GetProperty("assets").GetProperty("TicketArticle").GetProperty(articleId.ToString(System.Globalization.CultureInfo.InvariantCulture)).GetProperty("body").GetString());
    }

    [Fact]
    public async Task Create_validates_with_the_exact_texts()
    {
        var id = (await fixture.CreateTicketAsync("Validation")).GetProperty("id").GetInt32();
        var count = fixture.Host.Zammad.Articles.ArticlesOf(id).Count;

        (await fixture.PostAsync("ticket_articles", new { ticket_id = 99999, body = "x" })).AssertError(HttpStatusCode.NotFound, "Couldn't find Ticket with 'id'=99999");
        (await fixture.PostAsync("ticket_articles", new { ticket_id = id })).AssertError(HttpStatusCode.UnprocessableEntity, "Need at least an 'article body' field.");
        (await fixture.PostAsync("ticket_articles", new { ticket_id = id, body = "x", type = "pigeon" })).AssertError(HttpStatusCode.UnprocessableEntity, "No lookup value found for 'type': \"pigeon\"");
        (await fixture.PostAsync("ticket_articles", new { ticket_id = id, body = "x", attachments = new object[] { new { data = "YQ==", filename = "a" } } }))
            .AssertError(HttpStatusCode.UnprocessableEntity, "Attachment needs 'mime-type' param for attachment with index '0'");
        (await fixture.PostAsync("ticket_articles", new
        {
            ticket_id = id,
            body = "x",
            attachments = new object[] { new Dictionary<string, string> { ["filename"] = "a", ["data"] = "YQ==", ["mime-type"] = "text/plain" }, new Dictionary<string, string> { ["data"] = "YQ==", ["mime-type"] = "text/plain" } },
        })).AssertError(HttpStatusCode.UnprocessableEntity, "Attachment needs 'filename' param for attachment with index '1'");
        (await fixture.PostAsync("ticket_articles", new
        {
            ticket_id = id,
            body = "x",
            attachments = new object[] { new Dictionary<string, string> { ["filename"] = "a", ["data"] = "not base64!", ["mime-type"] = "text/plain" } },
        })).AssertError(HttpStatusCode.UnprocessableEntity, "Invalid base64 for attachment with index '0'");
        (await fixture.GetAsync("ticket_articles/99999")).AssertError(HttpStatusCode.NotFound, "Couldn't find Ticket::Article with 'id'=99999");
        (await fixture.GetAsync("ticket_articles/by_ticket/99999")).AssertError(HttpStatusCode.NotFound, "Couldn't find Ticket with 'id'=99999");

        Assert.Equal(count, fixture.Host.Zammad.Articles.ArticlesOf(id).Count);
    }

    [Fact]
    public async Task Type_by_id_and_time_unit_record_a_time_accounting()
    {
        var id = (await fixture.CreateTicketAsync("Timed article")).GetProperty("id").GetInt32();

        var reply = await fixture.PostAsync("ticket_articles", new { ticket_id = id, body = "worked", type_id = 5, time_unit = "1.5" });

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        Assert.Equal("phone", reply.Json.GetProperty("type").GetString());
        Assert.Equal("1.5", reply.Json.GetProperty("time_unit").GetString());
        var entry = Assert.Single(fixture.Host.Zammad.TimeAccountings.For(id));
        Assert.Equal(reply.Json.GetProperty("id").GetInt32(), entry.TicketArticleId);
        Assert.Equal(1.5m, entry.TimeUnit);
        Assert.Equal("1.5", (await fixture.GetAsync($"tickets/{id}")).Json.GetProperty("time_unit").GetString());
        (await fixture.PostAsync("ticket_articles", new { ticket_id = id, body = "x", type_id = 77 })).AssertError(HttpStatusCode.UnprocessableEntity, "No lookup value found for 'type_id': \"77\"");
    }

    [Fact]
    public async Task Customers_see_only_public_articles()
    {
        var id = (await fixture.CreateTicketAsync("Customer view", new { body = "public" })).GetProperty("id").GetInt32();
        var hidden = (await fixture.PostAsync("ticket_articles", new { ticket_id = id, body = "secret", @internal = true })).Json.GetProperty("id").GetInt32();

        var list = await fixture.SendAsync(HttpMethod.Get, $"ticket_articles/by_ticket/{id}", null, ZammadSandboxFixture.AdminAuth, ("X-On-Behalf-Of", "bob@example.com"));
        var one = await fixture.SendAsync(HttpMethod.Get, $"ticket_articles/{hidden}", null, ZammadSandboxFixture.AdminAuth, ("X-On-Behalf-Of", "bob@example.com"));

        Assert.Equal(["public"], list.Json.EnumerateArray().Select(a => a.GetProperty("body").GetString()));
        one.AssertError(HttpStatusCode.Forbidden, "Not authorized");
    }
}
