using System.Net;
using System.Text.Json;
using CaseOps.Sandbox.Incydr;
using Xunit;

namespace CaseOps.Tests.Sandbox;

/// <summary>docs/contracts/incydr.md, Cases and Errors: create, get, replace, delete and their rules.</summary>
public sealed class CaseWriteTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private static int counter;

    private static string UniqueName(string prefix = "Test case")
    {
        var name = $"{prefix} {Interlocked.Increment(ref counter)} {Guid.NewGuid():N}";
        return name.Length > 40 ? name[..40] : name;
    }

    private Task<ApiReply> CreateAsync(object body) => fixture.SendAsync(HttpMethod.Post, "/v1/cases", body);

    private async Task<JsonElement> CreateOkAsync(object body)
    {
        var reply = await CreateAsync(body);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        return reply.Json;
    }

    private Task<ApiReply> PutAsync(long number, object body) => fixture.SendAsync(HttpMethod.Put, $"/v1/cases/{number}", body);

    private static object FullUpdate(JsonElement current, string status, string? description = "same", string? name = null) => new
    {
        name = name ?? current.GetProperty("name").GetString(),
        status,
        description,
        findings = current.GetProperty("findings").GetString(),
        subject = current.GetProperty("subject").GetString(),
        assignee = current.GetProperty("assignee").GetString(),
    };

    [Fact]
    public async Task Create_answers_200_with_an_open_case_detail_made_by_the_api_user()
    {
        var subject = fixture.Host.Users[1];
        var assignee = fixture.Host.Users[3];
        var name = UniqueName();
        var before = DateTime.UtcNow.AddSeconds(-1);

        var reply = await CreateAsync(new { name, description = "desc", findings = "# F", subject = subject.Uid, assignee = assignee.Uid });

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var json = reply.Json;
        Assert.Equal(SandboxApi.DetailCaseKeys, SandboxApi.Keys(json));
        Assert.Equal(name, json.GetProperty("name").GetString());
        Assert.Equal("OPEN", json.GetProperty("status").GetString());
        Assert.Equal("desc", json.GetProperty("description").GetString());
        Assert.Equal("# F", json.GetProperty("findings").GetString());
        Assert.Equal(subject.Uid, json.GetProperty("subject").GetString());
        Assert.Equal(subject.Username, json.GetProperty("subjectUsername").GetString());
        Assert.Equal(assignee.Uid, json.GetProperty("assignee").GetString());
        Assert.Equal(assignee.Username, json.GetProperty("assigneeUsername").GetString());
        Assert.Equal(fixture.Host.ApiUser.Uid, json.GetProperty("createdByUserUid").GetString());
        Assert.Equal(fixture.Host.ApiUser.Username, json.GetProperty("createdByUsername").GetString());
        Assert.Equal(fixture.Host.ApiUser.Uid, json.GetProperty("lastModifiedByUserUid").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("archivalTime").ValueKind);
        Assert.Equal(json.GetProperty("createdAt").GetString(), json.GetProperty("updatedAt").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$", json.GetProperty("createdAt").GetString());
        Assert.True(json.GetProperty("createdAt").GetDateTime().ToUniversalTime() >= before);
        Assert.Equal(JsonValueKind.Number, json.GetProperty("number").ValueKind);
        Assert.True(json.GetProperty("number").GetInt64() > 200);
    }

    [Fact]
    public async Task Created_case_has_explicit_nulls_and_is_readable()
    {
        var created = await CreateOkAsync(new { name = UniqueName() });
        var number = created.GetProperty("number").GetInt64();

        var read = await fixture.GetAsync($"/v1/cases/{number}");

        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(SandboxApi.DetailCaseKeys, SandboxApi.Keys(read.Json));
        foreach (var key in new[] { "description", "findings", "subject", "subjectUsername", "assignee", "assigneeUsername", "archivalTime" })
        {
            Assert.Equal(JsonValueKind.Null, read.Json.GetProperty(key).ValueKind);
        }

        Assert.Equal(created.ToString(), read.Json.ToString());
    }

    [Fact]
    public async Task Explicit_nulls_in_the_create_body_mean_no_value()
    {
        var created = await CreateOkAsync(new { name = UniqueName(), description = (string?)null, subject = (string?)null, assignee = (string?)null });

        Assert.Equal(JsonValueKind.Null, created.GetProperty("subject").ValueKind);
    }

    [Theory]
    [InlineData("", "NAME_EMPTY")]
    [InlineData("   ", "NAME_EMPTY")]
    [InlineData(null, "NAME_EMPTY")]
    [InlineData("123456789012345678901234567890123456789012345678901", "NAME_TOO_LONG")]
    public async Task Bad_names_are_rejected(string? name, string code)
    {
        SandboxApi.AssertProblem(await CreateAsync(new { name }), code);
    }

    [Fact]
    public async Task Fifty_character_name_is_fine()
    {
        Assert.Equal(HttpStatusCode.OK, (await CreateAsync(new { name = "N" + Guid.NewGuid().ToString("N") + new string('x', 17) })).Status);
    }

    [Fact]
    public async Task Duplicate_names_are_rejected_case_insensitively()
    {
        var name = UniqueName("Dup");
        await CreateOkAsync(new { name });

        SandboxApi.AssertProblem(await CreateAsync(new { name }), "NAME_EXISTS");
        SandboxApi.AssertProblem(await CreateAsync(new { name = name.ToUpperInvariant() }), "NAME_EXISTS");
        SandboxApi.AssertProblem(await CreateAsync(new { name = fixture.Host.Cases.Find(1)!.Name }), "NAME_EXISTS");
    }

    [Fact]
    public async Task Long_description_and_findings_are_rejected()
    {
        SandboxApi.AssertProblem(await CreateAsync(new { name = UniqueName(), description = new string('d', 251) }), "DESCRIPTION_TOO_LONG");
        SandboxApi.AssertProblem(await CreateAsync(new { name = UniqueName(), findings = new string('f', 30_001) }), "FINDINGS_TOO_LONG");
        Assert.Equal(HttpStatusCode.OK, (await CreateAsync(new { name = UniqueName(), description = new string('d', 250), findings = new string('f', 30_000) })).Status);
    }

    [Fact]
    public async Task Unknown_subject_or_assignee_is_invalid_user_naming_the_field()
    {
        SandboxApi.AssertProblem(await CreateAsync(new { name = UniqueName(), subject = "999" }), "INVALID_USER", "subject validation failed");
        SandboxApi.AssertProblem(await CreateAsync(new { name = UniqueName(), assignee = "999" }), "INVALID_USER", "assignee validation failed");
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"name\": \"Numeric subject\", \"subject\": 12345}")]
    public async Task Malformed_bodies_are_400(string body)
    {
        var reply = await fixture.SendAsync(HttpMethod.Post, "/v1/cases", rawBody: body);

        SandboxApi.AssertProblem(reply, "INVALID_REQUEST");
    }

    [Fact]
    public async Task Put_replaces_every_field_and_omitted_keys_become_null()
    {
        var user = fixture.Host.Users[4];
        var created = await CreateOkAsync(new { name = UniqueName(), description = "d", findings = "f", subject = user.Uid, assignee = user.Uid });
        var number = created.GetProperty("number").GetInt64();
        var newName = UniqueName("Renamed");
        await Task.Delay(5);

        var reply = await PutAsync(number, new { name = newName, status = "OPEN", assignee = fixture.Host.Users[5].Uid });

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var json = reply.Json;
        Assert.Equal(SandboxApi.DetailCaseKeys, SandboxApi.Keys(json));
        Assert.Equal(newName, json.GetProperty("name").GetString());
        Assert.Equal(fixture.Host.Users[5].Uid, json.GetProperty("assignee").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("description").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("findings").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("subject").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("subjectUsername").ValueKind);
        Assert.Equal(created.GetProperty("createdAt").GetString(), json.GetProperty("createdAt").GetString());
        Assert.True(string.CompareOrdinal(json.GetProperty("updatedAt").GetString(), created.GetProperty("updatedAt").GetString()) > 0);
        Assert.Equal(fixture.Host.ApiUser.Uid, json.GetProperty("lastModifiedByUserUid").GetString());
        Assert.Equal(newName, fixture.Host.Cases.Find(number)!.Name);
    }

    [Fact]
    public async Task Put_updates_last_modifier_of_a_seeded_case()
    {
        var seeded = fixture.Host.Cases.Snapshot().First(c => c.Status == CaseStatus.OPEN && c.LastModifiedBy != fixture.Host.ApiUser);

        var reply = await PutAsync(seeded.Number, new { name = seeded.Name, status = "OPEN" });

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(fixture.Host.ApiUser.Uid, reply.Json.GetProperty("lastModifiedByUserUid").GetString());
        Assert.Equal(seeded.CreatedBy!.Uid, reply.Json.GetProperty("createdByUserUid").GetString());
    }

    [Fact]
    public async Task Put_checks_name_rules_and_users()
    {
        var created = await CreateOkAsync(new { name = UniqueName() });
        var number = created.GetProperty("number").GetInt64();
        var other = fixture.Host.Cases.Find(2)!.Name;

        SandboxApi.AssertProblem(await PutAsync(number, new { name = "", status = "OPEN" }), "NAME_EMPTY");
        SandboxApi.AssertProblem(await PutAsync(number, new { name = other, status = "OPEN" }), "NAME_EXISTS");
        SandboxApi.AssertProblem(await PutAsync(number, new { name = "ok", status = "OPEN", subject = "1" }), "INVALID_USER", "subject validation failed");
        SandboxApi.AssertProblem(await PutAsync(number, new { name = "ok", status = "OPEN", description = new string('x', 251) }), "DESCRIPTION_TOO_LONG");
    }

    [Theory]
    [InlineData("DONE")]
    [InlineData("open")]
    [InlineData(null)]
    public async Task Put_with_invalid_or_missing_status_is_400(string? status)
    {
        var created = await CreateOkAsync(new { name = UniqueName() });

        SandboxApi.AssertProblem(await PutAsync(created.GetProperty("number").GetInt64(), new { name = "x", status }), "INVALID_REQUEST");
    }

    [Fact]
    public async Task Closed_cases_take_no_edits_but_can_be_archived_unchanged()
    {
        var created = await CreateOkAsync(new { name = UniqueName(), description = "same" });
        var number = created.GetProperty("number").GetInt64();

        var closed = await PutAsync(number, FullUpdate(created, "CLOSED"));
        var reopen = await PutAsync(number, FullUpdate(created, "OPEN"));
        var edit = await PutAsync(number, FullUpdate(created, "CLOSED", description: "changed"));
        var archiveWithEdit = await PutAsync(number, FullUpdate(created, "ARCHIVED", description: "changed"));
        var archive = await PutAsync(number, FullUpdate(created, "ARCHIVED"));
        var afterArchive = await PutAsync(number, FullUpdate(created, "ARCHIVED"));

        Assert.Equal(HttpStatusCode.OK, closed.Status);
        Assert.Equal("CLOSED", closed.Json.GetProperty("status").GetString());
        SandboxApi.AssertProblem(reopen, "NO_EDITS_ONCE_CLOSED");
        SandboxApi.AssertProblem(edit, "NO_EDITS_ONCE_CLOSED");
        SandboxApi.AssertProblem(archiveWithEdit, "NO_EDITS_ONCE_CLOSED");
        Assert.Equal(HttpStatusCode.OK, archive.Status);
        Assert.Equal("ARCHIVED", archive.Json.GetProperty("status").GetString());
        Assert.Equal(archive.Json.GetProperty("updatedAt").GetString(), archive.Json.GetProperty("archivalTime").GetString());
        SandboxApi.AssertProblem(afterArchive, "NO_EDITS_ONCE_ARCHIVED");
        Assert.Equal(CaseStatus.ARCHIVED, fixture.Host.Cases.Find(number)!.Status);
    }

    [Fact]
    public async Task Seeded_closed_and_archived_cases_refuse_edits()
    {
        var closed = fixture.Host.Cases.Snapshot().First(c => c.Status == CaseStatus.CLOSED);
        var archived = fixture.Host.Cases.Snapshot().First(c => c.Status == CaseStatus.ARCHIVED);

        SandboxApi.AssertProblem(await PutAsync(closed.Number, new { name = closed.Name, status = "OPEN" }), "NO_EDITS_ONCE_CLOSED");
        SandboxApi.AssertProblem(await PutAsync(archived.Number, new { name = archived.Name, status = "ARCHIVED" }), "NO_EDITS_ONCE_ARCHIVED");
    }

    [Fact]
    public async Task Delete_answers_204_then_the_case_is_404()
    {
        var created = await CreateOkAsync(new { name = UniqueName() });
        var number = created.GetProperty("number").GetInt64();

        var deleted = await fixture.SendAsync(HttpMethod.Delete, $"/v1/cases/{number}");
        var again = await fixture.SendAsync(HttpMethod.Delete, $"/v1/cases/{number}");
        var read = await fixture.GetAsync($"/v1/cases/{number}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(string.Empty, deleted.Text);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        Assert.Equal(HttpStatusCode.NotFound, read.Status);
        Assert.Null(fixture.Host.Cases.Find(number));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Unknown_case_is_a_spring_style_404(string method)
    {
        var reply = await fixture.SendAsync(new HttpMethod(method), "/v1/cases/987654321", method == "PUT" ? new { name = "x", status = "OPEN" } : null);

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        var json = reply.Json;
        Assert.Equal(["timestamp", "status", "error", "message", "path"], SandboxApi.Keys(json));
        Assert.Equal(404, json.GetProperty("status").GetInt32());
        Assert.Equal("Not Found", json.GetProperty("error").GetString());
        Assert.Equal("/v1/cases/987654321", json.GetProperty("path").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Non_numeric_case_number_is_400()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await fixture.GetAsync("/v1/cases/abc")).Status);
    }

    [Fact]
    public async Task Legacy_py42_paths_create_read_and_update()
    {
        var name = UniqueName("Legacy");
        var created = await fixture.SendAsync(HttpMethod.Post, "/api/v1/case", new { name });
        var number = created.Json.GetProperty("number").GetInt64();

        var read = await fixture.GetAsync($"/api/v1/case/{number}");
        var updated = await fixture.SendAsync(HttpMethod.Put, $"/api/v1/case/{number}", new { name, status = "CLOSED" });

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal(name, read.Json.GetProperty("name").GetString());
        Assert.Equal("CLOSED", updated.Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Created_case_shows_up_in_listing_filters()
    {
        var name = UniqueName("Findme zebra");
        var created = await CreateOkAsync(new { name, assignee = fixture.Host.Users[6].Uid });

        var reply = await fixture.GetAsync("/v1/cases?name=FINDME%20ZEBRA&isAssigned=true&lastModifiedBy=" + fixture.Host.ApiUser.Uid);

        Assert.Contains(created.GetProperty("number").GetInt64(), SandboxApi.Numbers(reply.Json));
    }
}
