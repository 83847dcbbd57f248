using System.Net;
using System.Text.Json;
using CaseOps.Sandbox.Incydr;
using CaseOps.Sandbox.Incydr.FileEvents;
using Xunit;

namespace CaseOps.Tests.Sandbox.FileEvents;

/// <summary>docs/contracts/incydr.md, File events on cases, and the event rules of its Errors section.</summary>
public sealed class FileEventRouteTests(FileEventsFixture fixture) : IClassFixture<FileEventsFixture>
{
    private static readonly string[] CaseFileEventKeys =
    [
        "eventId", "eventTimestamp", "exposure", "fileAvailability", "fileName", "filePath", "riskIndicators", "riskScore", "riskSeverity",
    ];

    private static readonly string[] FileEventV2Keys =
    [
        "@timestamp", "event", "user", "file", "source", "destination", "process", "risk", "report", "responseControls", "git",
    ];

    private Task<ApiReply> AddAsync(long number, params string[] ids) =>
        fixture.SendAsync(HttpMethod.Post, $"/v1/cases/{number}/fileevent", new { events = ids });

    private static string[] EventIds(JsonElement page) =>
        page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("eventId").GetString()!).ToArray();

    private static void AssertSpring404(ApiReply reply, string message)
    {
        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal(["timestamp", "status", "error", "message", "path"], SandboxApi.Keys(reply.Json));
        Assert.Equal(message, reply.Json.GetProperty("message").GetString());
    }

    private static void AssertEventProblem(ApiReply reply, string code)
    {
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(code, reply.Json.GetProperty("problem").GetString());
    }

    [Fact]
    public void Pool_is_deterministic_and_ids_have_the_real_shape()
    {
        var ids = fixture.Host.FileEvents.PoolIds;
        Assert.Equal(2000, ids.Count);
        Assert.All(ids, id => Assert.Matches("^0_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}_[0-9]{19}_[0-9]{19}_[0-9]{1,2}$", id));
        var withoutFile = ids.Count(id => !fixture.Host.FileEvents.HasSourceFile(id));
        Assert.InRange(withoutFile, 120, 280);
        Assert.All(ids, id => Assert.Matches("^[A-Za-z0-9_.-]+$", fixture.Host.FileEvents.FileNameOf(id)!));

        var again = FileEventSeeder.Generate(2000, fixture.Host.Options.Seed, SandboxFixture.Anchor, fixture.Host.Users);
        Assert.Equal(ids, again.Select(e => e.Id));
    }

    [Fact]
    public void Seeded_cases_of_the_first_half_have_events_the_rest_none()
    {
        var firstHalf = Enumerable.Range(1, 100).Select(n => fixture.Host.FileEvents.EventsOf(n).Count).ToArray();
        Assert.All(firstHalf, count => Assert.InRange(count, 0, 12));
        Assert.True(firstHalf.Count(c => c > 0) > 50);
        Assert.Contains(0, firstHalf);
        Assert.All(Enumerable.Range(101, 100), n => Assert.Empty(fixture.Host.FileEvents.EventsOf(n)));
    }

    [Fact]
    public async Task List_answers_the_events_in_added_order_with_contract_keys_and_total_count()
    {
        var number = await fixture.NewCaseAsync();
        var ids = fixture.TakeIds(5);
        fixture.Host.FileEvents.Attach(number, ids[..3]);
        fixture.Host.FileEvents.Attach(number, ids[3..]);

        var all = await fixture.GetAsync($"/v1/cases/{number}/fileevent");
        var page2 = await fixture.GetAsync($"/v1/cases/{number}/fileevent?pgNum=2&pgSize=2");
        var beyond = await fixture.GetAsync($"/v1/cases/{number}/fileevent?pgNum=4&pgSize=2");

        Assert.Equal(HttpStatusCode.OK, all.Status);
        Assert.Equal(["events", "totalCount"], SandboxApi.Keys(all.Json));
        Assert.Equal(ids, EventIds(all.Json));
        Assert.Equal(5, all.Json.GetProperty("totalCount").GetInt64());
        Assert.Equal(ids[2..4], EventIds(page2.Json));
        Assert.Equal(5, page2.Json.GetProperty("totalCount").GetInt64());
        Assert.Empty(EventIds(beyond.Json));

        var first = all.Json.GetProperty("events")[0];
        Assert.Equal(CaseFileEventKeys, SandboxApi.Keys(first));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", first.GetProperty("eventTimestamp").GetString());
        Assert.Contains(first.GetProperty("riskSeverity").GetString(), new[] { "NO_RISK_INDICATED", "LOW", "MODERATE", "HIGH", "CRITICAL" });
        Assert.Equal(fixture.Host.FileEvents.FileNameOf(ids[0]), first.GetProperty("fileName").GetString());
        Assert.Matches(@"[\\/]$", first.GetProperty("filePath").GetString());
        var availability = first.GetProperty("fileAvailability").GetString();
        Assert.Contains(availability, fixture.Host.FileEvents.HasSourceFile(ids[0])
            ? new[] { "EXACT_FILE_AVAILABLE", "RECENT_FILE_AVAILABLE" }
            : new[] { "NO_FILE_AVAILABLE" });
    }

    [Fact]
    public async Task List_of_a_case_without_events_is_empty()
    {
        var number = await fixture.NewCaseAsync();

        var reply = await fixture.GetAsync($"/v1/cases/{number}/fileevent?pgNum=1&pgSize=100");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Empty(EventIds(reply.Json));
        Assert.Equal(0, reply.Json.GetProperty("totalCount").GetInt64());
    }

    [Theory]
    [InlineData("pgSize=0", "INVALID_PAGE_SIZE")]
    [InlineData("pgSize=10001", "INVALID_PAGE_SIZE")]
    [InlineData("pgSize=x", "INVALID_PAGE_SIZE")]
    [InlineData("pgNum=0", "INVALID_PAGE_NUMBER")]
    [InlineData("pgNum=-3&pgSize=10", "INVALID_PAGE_NUMBER")]
    public async Task List_rejects_bad_paging(string query, string code)
    {
        var reply = await fixture.GetAsync($"/v1/cases/1/fileevent?{query}");

        SandboxApi.AssertProblem(reply, code);
    }

    [Fact]
    public async Task List_filters_by_archive_id()
    {
        var pool = fixture.Host.FileEvents;
        var records = pool.PoolIds.Select(id => pool.Find(id)!).ToArray();
        var archive = records.First(r => r.ArchiveId is not null && records.Any(c => c.ParentArchiveId == r.ArchiveId));
        var inside = records.Where(r => r.ParentArchiveId == archive.ArchiveId).Select(r => r.Id).ToArray();
        var other = records.First(r => r.ArchiveId is null && r.ParentArchiveId is null).Id;
        var number = await fixture.NewCaseAsync();
        pool.Attach(number, [other, archive.Id, .. inside]);

        var reply = await fixture.GetAsync($"/v1/cases/{number}/fileevent?archiveId={archive.ArchiveId}");

        Assert.Equal([archive.Id, .. inside], EventIds(reply.Json));
        Assert.Equal(1 + inside.Length, reply.Json.GetProperty("totalCount").GetInt64());
    }

    [Fact]
    public async Task Unknown_case_answers_404_on_every_event_route()
    {
        var id = fixture.Host.FileEvents.PoolIds[0];
        AssertSpring404(await fixture.GetAsync("/v1/cases/999999/fileevent"), "Case 999999 not found");
        AssertSpring404(await AddAsync(999999, id), "Case 999999 not found");
        AssertSpring404(await fixture.GetAsync($"/v1/cases/999999/fileevent/{id}"), "Case 999999 not found");
        AssertSpring404(await fixture.SendAsync(HttpMethod.Post, $"/v1/cases/999999/fileevent/{id}"), "Case 999999 not found");
        AssertSpring404(await fixture.SendAsync(HttpMethod.Delete, $"/v1/cases/999999/fileevent/{id}"), "Case 999999 not found");
    }

    [Fact]
    public async Task Event_routes_need_a_token()
    {
        var reply = await SandboxApi.SendAsync(fixture.Client, HttpMethod.Get, "/v1/cases/1/fileevent", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
    }

    [Fact]
    public async Task Bulk_add_answers_204_and_appends_in_request_order()
    {
        var number = await fixture.NewCaseAsync();
        var ids = fixture.TakeIds(4);

        var first = await AddAsync(number, ids[1], ids[0]);
        var second = await AddAsync(number, ids[3], ids[2], ids[3]);

        Assert.Equal(HttpStatusCode.NoContent, first.Status);
        Assert.Equal(string.Empty, first.Text);
        Assert.Equal(HttpStatusCode.NoContent, second.Status);
        Assert.Equal([ids[1], ids[0], ids[3], ids[2]], fixture.Host.FileEvents.EventsOf(number));
    }

    [Fact]
    public async Task Bulk_add_of_an_event_already_on_the_case_adds_nothing()
    {
        var number = await fixture.NewCaseAsync();
        var ids = fixture.TakeIds(3);
        fixture.Host.FileEvents.Attach(number, ids[0]);

        var reply = await AddAsync(number, ids[1], ids[0], ids[2]);

        AssertEventProblem(reply, "CASE_ALREADY_HAS_EVENT");
        Assert.Equal(["problem"], SandboxApi.Keys(reply.Json));
        Assert.Equal([ids[0]], fixture.Host.FileEvents.EventsOf(number));
    }

    [Fact]
    public async Task Bulk_add_with_an_unknown_id_answers_404_naming_the_first_and_adds_nothing()
    {
        var number = await fixture.NewCaseAsync();
        var known = fixture.TakeIds(1)[0];
        const string Unknown = "0_00000000-0000-0000-0000-000000000000_1_2_3";

        var reply = await AddAsync(number, known, Unknown, "0_other-unknown");

        AssertSpring404(reply, $"File event {Unknown} not found");
        Assert.Empty(fixture.Host.FileEvents.EventsOf(number));
    }

    [Fact]
    public async Task More_than_100_ids_in_one_request_is_too_many()
    {
        var number = await fixture.NewCaseAsync();
        var ids = fixture.Host.FileEvents.PoolIds.Take(101).ToArray();

        var reply = await AddAsync(number, ids);
        var hundred = await AddAsync(number, ids[..100]);

        AssertEventProblem(reply, "TOO_MANY_EVENTS");
        Assert.Equal(HttpStatusCode.NoContent, hundred.Status);
        Assert.Equal(100, fixture.Host.FileEvents.EventsOf(number).Count);
    }

    [Fact]
    public async Task More_than_1000_events_on_a_case_is_too_many_and_nothing_is_added()
    {
        var number = await fixture.NewCaseAsync();
        var pool = fixture.Host.FileEvents.PoolIds;
        fixture.Host.FileEvents.Attach(number, pool.Take(995).ToArray());

        var reply = await AddAsync(number, pool.Skip(995).Take(6).ToArray());
        var fits = await AddAsync(number, pool.Skip(995).Take(5).ToArray());
        var single = await fixture.SendAsync(HttpMethod.Post, $"/v1/cases/{number}/fileevent/{pool[1500]}");

        AssertEventProblem(reply, "TOO_MANY_EVENTS");
        Assert.Equal(HttpStatusCode.NoContent, fits.Status);
        AssertEventProblem(single, "TOO_MANY_EVENTS");
        Assert.Equal(1000, fixture.Host.FileEvents.EventsOf(number).Count);
    }

    [Theory]
    [InlineData("{\"events\":[]}")]
    [InlineData("{\"events\":null}")]
    [InlineData("{}")]
    [InlineData("{\"events\":[1,2]}")]
    [InlineData("{\"events\":[\"\"]}")]
    [InlineData("[\"a\"]")]
    [InlineData("{not json")]
    [InlineData("")]
    public async Task Bulk_add_with_an_empty_or_malformed_body_is_an_invalid_request(string body)
    {
        var number = await fixture.NewCaseAsync();

        var reply = await fixture.SendAsync(HttpMethod.Post, $"/v1/cases/{number}/fileevent", rawBody: body);

        SandboxApi.AssertProblem(reply, "INVALID_REQUEST");
    }

    [Theory]
    [InlineData(CaseStatus.CLOSED)]
    [InlineData(CaseStatus.ARCHIVED)]
    public async Task Add_and_remove_on_a_case_that_is_not_open_is_case_is_closed(CaseStatus status)
    {
        var number = fixture.NewCase(status);
        var ids = fixture.TakeIds(2);
        fixture.Host.FileEvents.Attach(number, ids[0]);

        var bulk = await AddAsync(number, ids[1]);
        var single = await fixture.SendAsync(HttpMethod.Post, $"/v1/cases/{number}/fileevent/{ids[1]}");
        var remove = await fixture.SendAsync(HttpMethod.Delete, $"/v1/cases/{number}/fileevent/{ids[0]}");
        var get = await fixture.GetAsync($"/v1/cases/{number}/fileevent/{ids[0]}");

        AssertEventProblem(bulk, "CASE_IS_CLOSED");
        Assert.Equal(["problem"], SandboxApi.Keys(bulk.Json));
        AssertEventProblem(single, "CASE_IS_CLOSED");
        AssertEventProblem(remove, "CASE_IS_CLOSED");
        Assert.Equal(HttpStatusCode.OK, get.Status);
        Assert.Equal([ids[0]], fixture.Host.FileEvents.EventsOf(number));
    }

    [Fact]
    public async Task Single_add_answers_204_then_already_has_event()
    {
        var number = await fixture.NewCaseAsync();
        var id = fixture.TakeIds(1)[0];

        var first = await fixture.SendAsync(HttpMethod.Post, $"/v1/cases/{number}/fileevent/{Uri.EscapeDataString(id)}");
        var second = await fixture.SendAsync(HttpMethod.Post, $"/v1/cases/{number}/fileevent/{id}");
        var unknown = await fixture.SendAsync(HttpMethod.Post, $"/v1/cases/{number}/fileevent/no_such-event");

        Assert.Equal(HttpStatusCode.NoContent, first.Status);
        AssertEventProblem(second, "CASE_ALREADY_HAS_EVENT");
        AssertSpring404(unknown, "File event no_such-event not found");
        Assert.Equal([id], fixture.Host.FileEvents.EventsOf(number));
    }

    [Fact]
    public async Task Get_answers_the_full_file_event_document()
    {
        var number = await fixture.NewCaseAsync();
        var id = fixture.TakeIdWithFile();
        fixture.Host.FileEvents.Attach(number, id);

        var reply = await fixture.GetAsync($"/v1/cases/{number}/fileevent/{Uri.EscapeDataString(id)}");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var json = reply.Json;
        Assert.Equal(FileEventV2Keys, SandboxApi.Keys(json));
        Assert.Equal(id, json.GetProperty("event").GetProperty("id").GetString());
        Assert.Equal("Endpoint", json.GetProperty("event").GetProperty("observer").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", json.GetProperty("@timestamp").GetString());
        var file = json.GetProperty("file");
        Assert.Equal(fixture.Host.FileEvents.FileNameOf(id), file.GetProperty("name").GetString());
        Assert.Equal(65536, file.GetProperty("sizeInBytes").GetInt64());
        Assert.Equal(64, file.GetProperty("hash").GetProperty("sha256").GetString()!.Length);
        Assert.Contains("@", json.GetProperty("user").GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Object, json.GetProperty("report").ValueKind);
        var risk = json.GetProperty("risk");
        Assert.Equal(risk.GetProperty("indicators").EnumerateArray().Sum(i => i.GetProperty("weight").GetInt32()), risk.GetProperty("score").GetInt32());

        var view = (await fixture.GetAsync($"/v1/cases/{number}/fileevent")).Json.GetProperty("events")[0];
        Assert.Equal(json.GetProperty("@timestamp").GetString(), view.GetProperty("eventTimestamp").GetString());
        Assert.Equal(risk.GetProperty("severity").GetString(), view.GetProperty("riskSeverity").GetString());
    }

    [Fact]
    public async Task Usb_events_carry_removable_media()
    {
        var pool = fixture.Host.FileEvents;
        var usb = pool.PoolIds.Select(id => pool.Find(id)!).First(e => e.Channel.RemovableMedia).Id;
        var number = await fixture.NewCaseAsync();
        pool.Attach(number, usb);

        var json = (await fixture.GetAsync($"/v1/cases/{number}/fileevent/{usb}")).Json;

        Assert.Equal("removable-media-created", json.GetProperty("event").GetProperty("action").GetString());
        Assert.Equal("USB", json.GetProperty("destination").GetProperty("removableMedia").GetProperty("busType").GetString());
    }

    [Fact]
    public async Task Get_and_delete_of_an_event_not_on_the_case_answer_404()
    {
        var number = await fixture.NewCaseAsync();
        var id = fixture.TakeIds(1)[0];

        AssertSpring404(await fixture.GetAsync($"/v1/cases/{number}/fileevent/{id}"), $"File event {id} is not on case {number}");
        AssertSpring404(await fixture.SendAsync(HttpMethod.Delete, $"/v1/cases/{number}/fileevent/{id}"), $"File event {id} is not on case {number}");
        AssertSpring404(await fixture.GetAsync($"/v1/cases/{number}/fileevent/not-an_event"), $"File event not-an_event is not on case {number}");
    }

    [Fact]
    public async Task Delete_answers_204_and_takes_the_event_off()
    {
        var number = await fixture.NewCaseAsync();
        var ids = fixture.TakeIds(3);
        fixture.Host.FileEvents.Attach(number, ids);

        var reply = await fixture.SendAsync(HttpMethod.Delete, $"/v1/cases/{number}/fileevent/{ids[1]}");
        var again = await fixture.SendAsync(HttpMethod.Delete, $"/v1/cases/{number}/fileevent/{ids[1]}");

        Assert.Equal(HttpStatusCode.NoContent, reply.Status);
        Assert.Equal(string.Empty, reply.Text);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        Assert.Equal([ids[0], ids[2]], fixture.Host.FileEvents.EventsOf(number));
    }

    [Fact]
    public async Task Py42_aliases_answer_the_same()
    {
        var number = await fixture.NewCaseAsync();
        var ids = fixture.TakeIds(3);
        fixture.Host.FileEvents.Attach(number, ids[0]);

        var v1List = await fixture.GetAsync($"/v1/cases/{number}/fileevent");
        var py42List = await fixture.GetAsync($"/api/v1/case/{number}/fileevent");
        var v1Get = await fixture.GetAsync($"/v1/cases/{number}/fileevent/{ids[0]}");
        var py42Get = await fixture.GetAsync($"/api/v1/case/{number}/fileevent/{ids[0]}");
        var add = await fixture.SendAsync(HttpMethod.Post, $"/api/v1/case/{number}/fileevent/{ids[1]}");
        var bulk = await fixture.SendAsync(HttpMethod.Post, $"/api/v1/case/{number}/fileevent", new { events = new[] { ids[2] } });
        var remove = await fixture.SendAsync(HttpMethod.Delete, $"/api/v1/case/{number}/fileevent/{ids[0]}");
        var missing = await fixture.GetAsync($"/api/v1/case/{number}/fileevent/{ids[0]}");

        Assert.Equal(v1List.Text, py42List.Text);
        Assert.Equal(v1Get.Text, py42Get.Text);
        Assert.Equal(HttpStatusCode.NoContent, add.Status);
        Assert.Equal(HttpStatusCode.NoContent, bulk.Status);
        Assert.Equal(HttpStatusCode.NoContent, remove.Status);
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal([ids[1], ids[2]], fixture.Host.FileEvents.EventsOf(number));
    }
}
