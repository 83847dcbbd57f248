using System.Net;
using System.Text.Json;
using Xunit;

namespace CaseOps.Tests.Sandbox.Zammad;

/// <summary>Create, update and delete (docs/contracts/zammad.md, Tickets, Ticket request body, Article request body), custom fields, guess: customers, lookup errors, history.</summary>
public sealed class ZammadTicketWriteTests(ZammadSandboxFixture fixture) : IClassFixture<ZammadSandboxFixture>
{
    /// <summary>
    /// What Sync-CaseTicket relies on (docs/contracts/zammad.md, "Ticket request body" and "Searching tickets"): tags set by
    /// the create request are searchable at once, a quoted tag term matches one whole tag (not a longer one that starts
    /// the same), and upper-case OR joins terms.
    /// </summary>
    [Fact]
    public async Task Tags_set_on_create_are_found_by_quoted_whole_tag_terms_joined_with_OR()
    {
        var key = "sync-" + Guid.NewGuid().ToString("N")[..6] + "-";
        var one = (await fixture.CreateTicketAsync("Tagged one", tags: key + "1")).GetProperty("id").GetInt32();
        var twelve = (await fixture.CreateTicketAsync("Tagged twelve", tags: key + "12")).GetProperty("id").GetInt32();

        Assert.Equal(new[] { one }, await FoundAsync($"tags:\"{key}1\""));
        Assert.Equal(new[] { one, twelve }, await FoundAsync($"tags:\"{key}1\" OR tags:\"{key}12\""));
        Assert.Equal(new[] { twelve }, await FoundAsync($"tags:\"{key.ToUpperInvariant()}12\""));
        Assert.Empty(await FoundAsync($"tags:\"{key}2\""));
    }

    private async Task<int[]> FoundAsync(string query)
    {
        var reply = await fixture.GetAsync("tickets/search?expand=true&per_page=200&query=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        return ZammadSandboxFixture.Ids(reply.Json).Order().ToArray();
    }

    [Fact]
    public async Task Create_resolves_names_and_answers_201_with_ids()
    {
        var reply = await fixture.PostAsync("tickets", new
        {
            title = "USB found on desk",
            group = "Insider Risk",
            customer = "bob@example.com",
            state = "open",
            priority = "3 high",
            owner = "nicole.braun",
            tags = "usb, vip ,",
            incident_ref = "INC-42",
            risk_score = 77,
            unknown_field = "dropped",
            article = new { body = "Found a stick.", type = "note", @internal = true },
        });

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        var json = reply.Json;
        var id = json.GetProperty("id").GetInt32();
        Assert.Equal(2, json.GetProperty("group_id").GetInt32());
        Assert.Equal(2, json.GetProperty("state_id").GetInt32());
        Assert.Equal(3, json.GetProperty("priority_id").GetInt32());
        Assert.Equal(4, json.GetProperty("owner_id").GetInt32());
        Assert.Equal(fixture.Host.Zammad.Users.FindByLoginOrEmail("bob@example.com")!.Id, json.GetProperty("customer_id").GetInt32());
        Assert.Equal((31000 + id).ToString(System.Globalization.CultureInfo.InvariantCulture), json.GetProperty("number").GetString());
        Assert.Equal("INC-42", json.GetProperty("incident_ref").GetString());
        Assert.Equal(77, json.GetProperty("risk_score").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("department").ValueKind);
        Assert.False(json.TryGetProperty("unknown_field", out _));
        Assert.False(json.TryGetProperty("group", out _));
        Assert.Equal(1, json.GetProperty("article_ids").GetArrayLength());
        Assert.Equal(0, json.GetProperty("ticket_time_accounting_ids").GetArrayLength());
        Assert.Equal(1, json.GetProperty("article_count").GetInt32());
        Assert.Equal(json.GetProperty("created_at").GetString(), json.GetProperty("updated_at").GetString());
        Assert.Equal(["usb", "vip"], fixture.Host.Zammad.Tags.TagsOf(id));
        var article = Assert.Single(fixture.Host.Zammad.Articles.ArticlesOf(id));
        Assert.Equal("Found a stick.", article.Body);
        Assert.True(article.Internal);
        Assert.Equal(2, article.CreatedById);
        Assert.Equal(["created", "created", "added", "added"], fixture.Host.Zammad.History.For(id).Select(h => h.Type));
    }

    [Fact]
    public async Task Create_defaults_state_priority_owner_and_takes_ids()
    {
        var reply = await fixture.PostAsync("tickets?expand=true", new { title = "Defaults", group_id = 3, customer_id = 7 });

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        var json = reply.Json;
        Assert.Equal("new", json.GetProperty("state").GetString());
        Assert.Equal("2 normal", json.GetProperty("priority").GetString());
        Assert.Equal("-", json.GetProperty("owner").GetString());
        Assert.Equal("Service Desk", json.GetProperty("group").GetString());
        Assert.Equal(0, json.GetProperty("article_count").GetInt32());
        Assert.Equal("admin", json.GetProperty("created_by").GetString());
    }

    [Fact]
    public async Task Guess_customer_is_found_or_created_by_email()
    {
        var first = await fixture.PostAsync("tickets", new { title = "Guess 1", group = "Users", customer_id = "guess:new.person@example.org" });
        var second = await fixture.PostAsync("tickets", new { title = "Guess 2", group = "Users", customer_id = "guess:NEW.PERSON@example.org" });
        var bob = await fixture.PostAsync("tickets", new { title = "Guess 3", group = "Users", customer = "guess:bob@example.com" });

        Assert.Equal(HttpStatusCode.Created, first.Status);
        var customerId = first.Json.GetProperty("customer_id").GetInt32();
        var customer = fixture.Host.Zammad.Users.Find(customerId)!;
        Assert.Equal("new.person@example.org", customer.Email);
        Assert.Equal([3], customer.RoleIds);
        Assert.Equal(customerId, second.Json.GetProperty("customer_id").GetInt32());
        Assert.Equal(fixture.Host.Zammad.Users.FindByLoginOrEmail("bob@example.com")!.Id, bob.Json.GetProperty("customer_id").GetInt32());
    }

    // Bodies as JSON text: a row of plain values is a test case of its own (per-test coverage needs it).
    public static TheoryData<string, string> InvalidCreates() => new()
    {
        { Json(new { group = "Users", customer = "bob@example.com" }), "Validation failed: Title can't be blank" },
        { Json(new { title = "  ", group = "Users", customer = "bob@example.com" }), "Validation failed: Title can't be blank" },
        { Json(new { title = "x", customer = "bob@example.com" }), "Validation failed: Group can't be blank" },
        { Json(new { title = "x", group = "Users" }), "Validation failed: Customer can't be blank" },
        { Json(new { title = "x", group = "Nope", customer = "bob@example.com" }), "No lookup value found for 'group': \"Nope\"" },
        { Json(new { title = "x", group_id = 99, customer = "bob@example.com" }), "No lookup value found for 'group_id': \"99\"" },
        { Json(new { title = "x", group = "Users", customer = "nobody@example.com" }), "No lookup value found for 'customer': \"nobody@example.com\"" },
        { Json(new { title = "x", group = "Users", customer = "bob@example.com", state = "frozen" }), "No lookup value found for 'state': \"frozen\"" },
        { Json(new { title = "x", group = "Users", customer = "bob@example.com", priority = "9 urgent" }), "No lookup value found for 'priority': \"9 urgent\"" },
        { Json(new { title = "x", group = "Users", customer = "bob@example.com", owner = "bob@example.com" }), "No lookup value found for 'owner': \"bob@example.com\"" },
        { Json(new { title = "x", group = "Users", customer = "bob@example.com", article = new { subject = "s" } }), "Need at least an 'article body' field." },
        {
            Json(new { title = "x", group = "Users", customer = "bob@example.com", article = new { body = "b", attachments = new[] { new { filename = "a.txt", data = "QQ==" } } } }),
            "Attachment needs 'mime-type' param for attachment with index '0'"
        },
        {
            Json(new { title = "x", group = "Users", customer = "bob@example.com", article = new { body = "b", attachments = new[] { new Dictionary<string, string> { ["filename"] = "a", ["data"] = "%%%", ["mime-type"] = "text/plain" } } } }),
            "Invalid base64 for attachment with index '0'"
        },
    };

    [Theory]
    [MemberData(nameof(InvalidCreates))]
    public async Task Invalid_creates_answer_422_and_store_nothing(string body, string message)
    {
        var before = fixture.Host.Zammad.Tickets.Count;

        var reply = await fixture.PostAsync("tickets", body);   // a string goes as the JSON text it is

        reply.AssertError(HttpStatusCode.UnprocessableEntity, message);
        Assert.Equal(before, fixture.Host.Zammad.Tickets.Count);
    }

    private static string Json(object body) => System.Text.Json.JsonSerializer.Serialize(body);

    [Fact]
    public async Task Update_changes_only_the_sent_keys_and_bumps_updated_at()
    {
        var created = await fixture.CreateTicketAsync("Update me");
        var id = created.GetProperty("id").GetInt32();
        await fixture.PutAsync($"tickets/{id}", new { department = "HR", risk_score = 5 });

        var reply = await fixture.SendAsync(HttpMethod.Put, $"tickets/{id}", new { title = "Updated", state = "closed", number = "1", id = 999, risk_score = (int?)null, other = 1 }, ZammadSandboxFixture.AgentAuth);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var json = reply.Json;
        Assert.Equal(id, json.GetProperty("id").GetInt32());
        Assert.Equal(created.GetProperty("number").GetString(), json.GetProperty("number").GetString());
        Assert.Equal("Updated", json.GetProperty("title").GetString());
        Assert.Equal(4, json.GetProperty("state_id").GetInt32());
        Assert.Equal(created.GetProperty("group_id").GetInt32(), json.GetProperty("group_id").GetInt32());
        Assert.Equal(created.GetProperty("priority_id").GetInt32(), json.GetProperty("priority_id").GetInt32());
        Assert.Equal("HR", json.GetProperty("department").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("risk_score").ValueKind);
        Assert.Equal(3, json.GetProperty("updated_by_id").GetInt32());
        Assert.Equal(2, json.GetProperty("created_by_id").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, json.GetProperty("close_at").ValueKind);
        Assert.True(json.GetProperty("updated_at").GetDateTime() > created.GetProperty("updated_at").GetDateTime());
        Assert.Equal(created.GetProperty("created_at").GetString(), json.GetProperty("created_at").GetString());
        Assert.True(json.TryGetProperty("article_ids", out _));

        var history = fixture.Host.Zammad.History.For(id).Where(h => h.Type == "updated").ToArray();
        Assert.Contains(history, h => h.Attribute == "title" && h.ValueFrom == "Update me" && h.ValueTo == "Updated");
        Assert.Contains(history, h => h.Attribute == "state" && h.ValueFrom == "new" && h.ValueTo == "closed" && h.IdFrom == 1 && h.IdTo == 4 && h.CreatedById == 3);
    }

    [Fact]
    public async Task Update_with_nothing_changed_keeps_updated_at_and_an_article_adds_one()
    {
        var created = await fixture.CreateTicketAsync("Stable");
        var id = created.GetProperty("id").GetInt32();

        var same = (await fixture.PutAsync($"tickets/{id}", new { title = "Stable", group = "Users" })).Json;
        var withArticle = (await fixture.PutAsync($"tickets/{id}?expand=true", new { article = new { body = "Follow-up", type = "phone", sender = "Customer" } })).Json;

        Assert.Equal(created.GetProperty("updated_at").GetString(), same.GetProperty("updated_at").GetString());
        Assert.Equal(2, withArticle.GetProperty("article_count").GetInt32());
        Assert.Equal("Users", withArticle.GetProperty("group").GetString());
        Assert.True(withArticle.GetProperty("updated_at").GetDateTime() > created.GetProperty("updated_at").GetDateTime());
        var article = fixture.Host.Zammad.Articles.ArticlesOf(id)[1];
        Assert.Equal(("Follow-up", 5, 2), (article.Body, article.TypeId, article.SenderId));
    }

    [Fact]
    public async Task Update_errors()
    {
        var created = await fixture.CreateTicketAsync("Errors");
        var id = created.GetProperty("id").GetInt32();

        (await fixture.PutAsync("tickets/99999", new { title = "x" })).AssertError(HttpStatusCode.NotFound, "Couldn't find Ticket with 'id'=99999");
        (await fixture.PutAsync($"tickets/{id}", new { title = "" })).AssertError(HttpStatusCode.UnprocessableEntity, "Validation failed: Title can't be blank");
        (await fixture.PutAsync($"tickets/{id}", new { state_id = 42 })).AssertError(HttpStatusCode.UnprocessableEntity, "No lookup value found for 'state_id': \"42\"");
        (await fixture.PutAsync($"tickets/{id}", "{not json")).AssertError(HttpStatusCode.BadRequest, "Unable to parse the request body as JSON.");
        Assert.Equal("Errors", fixture.Host.Zammad.Tickets.Find(id)!.Title);
    }

    [Fact]
    public async Task Update_parameters_may_come_from_the_query_string()
    {
        var id = (await fixture.CreateTicketAsync("Query update")).GetProperty("id").GetInt32();

        var reply = await fixture.PutAsync($"tickets/{id}?priority=1%20low&title=From%20query", null);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(1, reply.Json.GetProperty("priority_id").GetInt32());
        Assert.Equal("From query", fixture.Host.Zammad.Tickets.Find(id)!.Title);
    }

    [Fact]
    public async Task Delete_answers_an_empty_200_then_404()
    {
        var id = (await fixture.CreateTicketAsync("Delete me", tags: "gone")).GetProperty("id").GetInt32();

        var agent = await fixture.DeleteAsync($"tickets/{id}", auth: ZammadSandboxFixture.AgentAuth);
        var deleted = await fixture.DeleteAsync($"tickets/{id}");
        var again = await fixture.DeleteAsync($"tickets/{id}");
        var read = await fixture.GetAsync($"tickets/{id}");

        agent.AssertError(HttpStatusCode.Forbidden, "Not authorized");
        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal(string.Empty, deleted.Text);
        Assert.Null(deleted.ContentType);
        again.AssertError(HttpStatusCode.NotFound, $"Couldn't find Ticket with 'id'={id}");
        read.AssertError(HttpStatusCode.NotFound, $"Couldn't find Ticket with 'id'={id}");
        Assert.Null(fixture.Host.Zammad.Tickets.Find(id));
        Assert.Empty(fixture.Host.Zammad.Tags.TagsOf(id));
        Assert.Empty(fixture.Host.Zammad.Articles.ArticlesOf(id));
    }

    [Fact]
    public async Task Timestamps_of_successive_changes_strictly_increase()
    {
        var id = (await fixture.CreateTicketAsync("Clock")).GetProperty("id").GetInt32();
        var stamps = new List<DateTime>();
        for (var i = 0; i < 5; i++)
        {
            stamps.Add((await fixture.PutAsync($"tickets/{id}", new { title = $"Clock {i}" })).Json.GetProperty("updated_at").GetDateTime());
        }

        Assert.Equal(stamps.Order(), stamps);
        Assert.Equal(5, stamps.Distinct().Count());
    }

    [Fact]
    public async Task History_lists_created_updated_and_tag_rows_oldest_first()
    {
        var id = (await fixture.CreateTicketAsync("History")).GetProperty("id").GetInt32();
        await fixture.PutAsync($"tickets/{id}", new { owner = "agent.smith" });
        await fixture.PostAsync("tags/add", new { @object = "Ticket", o_id = id, item = "audit" });

        var json = (await fixture.GetAsync($"ticket_history/{id}")).Json;
        var rows = json.GetProperty("history").EnumerateArray().ToArray();

        Assert.Equal(["created", "created", "updated", "added"], rows.Select(r => r.GetProperty("type").GetString()));
        Assert.Equal(["Ticket", "Ticket::Article", "Ticket", "Ticket"], rows.Select(r => r.GetProperty("object").GetString()));
        Assert.Equal(id, rows[1].GetProperty("related_o_id").GetInt32());
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("history_attribute_id").ValueKind);
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("related_history_object_id").ValueKind);
        Assert.Equal("owner", rows[2].GetProperty("attribute").GetString());
        Assert.Equal(3, rows[2].GetProperty("id_to").GetInt32());
        Assert.Equal("agent.smith", rows[2].GetProperty("value_to").GetString());
        Assert.Equal("tag", rows[3].GetProperty("attribute").GetString());
        Assert.Equal("audit", rows[3].GetProperty("value_to").GetString());
        Assert.Equal(JsonValueKind.Null, rows[3].GetProperty("value_from").ValueKind);
        Assert.False(rows[3].TryGetProperty("id_from", out _));
        Assert.True(json.GetProperty("assets").GetProperty("Ticket").TryGetProperty(id.ToString(System.Globalization.CultureInfo.InvariantCulture), out _));
        (await fixture.GetAsync("ticket_history/99999")).AssertError(HttpStatusCode.NotFound, "Couldn't find Ticket with 'id'=99999");
    }

    [Fact]
    public async Task Create_with_links_lists_them_from_both_sides()
    {
        var parent = (await fixture.CreateTicketAsync("Parent")).GetProperty("id").GetInt32();
        var reply = await fixture.PostAsync("tickets", new { title = "Child", group = "Users", customer = "bob@example.com", links = new { Ticket = new { parent = new[] { parent } } } });
        var child = reply.Json.GetProperty("id").GetInt32();

        var fromChild = (await fixture.GetAsync($"links?link_object=Ticket&link_object_value={child}")).Json;
        var fromParent = (await fixture.GetAsync($"links?link_object=Ticket&link_object_value={parent}")).Json;
        var none = (await fixture.GetAsync("links?link_object=Ticket&link_object_value=1")).Json;

        Assert.Equal("parent", fromChild.GetProperty("links")[0].GetProperty("link_type").GetString());
        Assert.Equal(parent, fromChild.GetProperty("links")[0].GetProperty("link_object_value").GetInt32());
        Assert.Equal("child", fromParent.GetProperty("links")[0].GetProperty("link_type").GetString());
        Assert.Equal(child, fromParent.GetProperty("links")[0].GetProperty("link_object_value").GetInt32());
        Assert.True(fromParent.GetProperty("assets").GetProperty("Ticket").TryGetProperty(child.ToString(System.Globalization.CultureInfo.InvariantCulture), out _));
        Assert.Equal("{\"links\":[],\"assets\":{}}", none.GetRawText());
    }
}
