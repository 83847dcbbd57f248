using System.Net;
using System.Text.Json;
using Xunit;

namespace CaseOps.Tests.Sandbox;

/// <summary>docs/contracts/incydr.md, Users: GET /v1/users (filters, 1-based page/pageSize) and GET /v1/users/{userId}. Read-only.</summary>
public sealed class UserListTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private static readonly string[] UserKeys =
    [
        "legacyUserId", "userId", "username", "firstName", "lastName", "legacyOrgId", "orgId", "orgGuid", "orgName", "notes",
        "active", "blocked", "creationDate", "modificationDate",
    ];

    // The people the seeded cases name, then the API client's user.
    private string[] Everyone => [.. fixture.Host.Users.Select(u => u.Username), fixture.Host.ApiUser.Username];

    private static string[] Usernames(JsonElement page) =>
        page.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("username").GetString()!).ToArray();

    [Fact]
    public async Task The_list_holds_every_user_with_all_keys_and_the_total()
    {
        var reply = await fixture.GetAsync("/v1/users");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(["users", "totalCount"], SandboxApi.Keys(reply.Json));
        Assert.Equal(Everyone, Usernames(reply.Json));
        Assert.Equal(Everyone.Length, reply.Json.GetProperty("totalCount").GetInt64());
        var alice = reply.Json.GetProperty("users")[0];
        Assert.Equal(UserKeys, SandboxApi.Keys(alice));
        Assert.Equal(fixture.Host.Users[0].Uid, alice.GetProperty("userId").GetString());
        Assert.Equal("Alice", alice.GetProperty("firstName").GetString());
        Assert.True(alice.GetProperty("active").GetBoolean());
        Assert.Equal(JsonValueKind.Null, alice.GetProperty("legacyUserId").ValueKind);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", alice.GetProperty("creationDate").GetString());
    }

    [Fact]
    public async Task Pages_count_from_one_and_the_page_past_the_end_is_empty()
    {
        var first = await fixture.GetAsync("/v1/users?page=1&pageSize=5");
        var second = await fixture.GetAsync("/v1/users?page=2&pageSize=5");
        var third = await fixture.GetAsync("/v1/users?page=3&pageSize=5");
        var beyond = await fixture.GetAsync("/v1/users?page=4&pageSize=5");

        Assert.Equal(Everyone[..5], Usernames(first.Json));
        Assert.Equal(Everyone[5..10], Usernames(second.Json));
        Assert.Equal(Everyone[10..], Usernames(third.Json));
        Assert.Empty(Usernames(beyond.Json));
        Assert.All([first, second, third, beyond], page => Assert.Equal(Everyone.Length, page.Json.GetProperty("totalCount").GetInt64()));
    }

    [Theory]
    [InlineData("page=0", "INVALID_PAGE_NUMBER")]
    [InlineData("page=x", "INVALID_PAGE_NUMBER")]
    [InlineData("pageSize=0", "INVALID_PAGE_SIZE")]
    [InlineData("pageSize=10001", "INVALID_PAGE_SIZE")]
    [InlineData("active=yes", "INVALID_REQUEST")]
    public async Task Bad_paging_or_flags_are_400_problems(string query, string code)
    {
        SandboxApi.AssertProblem(await fixture.GetAsync("/v1/users?" + query), code);
    }

    [Fact]
    public async Task Username_matches_the_whole_name_ignoring_case()
    {
        var exact = await fixture.GetAsync("/v1/users?username=CAROL@example.com");
        var part = await fixture.GetAsync("/v1/users?username=carol");

        Assert.Equal(["carol@example.com"], Usernames(exact.Json));
        Assert.Equal(1, exact.Json.GetProperty("totalCount").GetInt64());
        Assert.Empty(Usernames(part.Json));
    }

    [Fact]
    public async Task Active_and_blocked_filter_in_both_directions()
    {
        var inactive = Usernames((await fixture.GetAsync("/v1/users?active=false")).Json);
        var active = Usernames((await fixture.GetAsync("/v1/users?active=TRUE")).Json);
        var blocked = Usernames((await fixture.GetAsync("/v1/users?blocked=true")).Json);
        var activeUnblocked = Usernames((await fixture.GetAsync("/v1/users?active=true&blocked=False")).Json);

        Assert.Equal(["oscar@example.com"], inactive);
        Assert.Equal(Everyone.Length - 1, active.Length);
        Assert.Equal(["mallory@example.com"], blocked);
        Assert.Equal(Everyone.Where(u => u is not "oscar@example.com" and not "mallory@example.com"), activeUnblocked);
    }

    [Fact]
    public async Task A_user_by_id_and_an_unknown_id()
    {
        var bob = fixture.Host.Users[1];

        var found = await fixture.GetAsync("/v1/users/" + bob.Uid);
        var missing = await fixture.GetAsync("/v1/users/123");

        Assert.Equal(HttpStatusCode.OK, found.Status);
        Assert.Equal(UserKeys, SandboxApi.Keys(found.Json));
        Assert.Equal(bob.Username, found.Json.GetProperty("username").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal("User 123 not found", missing.Json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_cases_name_only_users_the_list_holds()
    {
        var listed = (await fixture.GetAsync("/v1/users")).Json.GetProperty("users").EnumerateArray()
            .ToDictionary(u => u.GetProperty("userId").GetString()!, u => u.GetProperty("username").GetString());
        var cases = (await fixture.GetAsync("/v1/cases")).Json.GetProperty("cases").EnumerateArray().ToList();

        var named = 0;
        foreach (var item in cases)
        {
            foreach (var role in new[] { "assignee", "subject" })
            {
                if (item.GetProperty(role).GetString() is { } uid)
                {
                    Assert.Equal(listed[uid], item.GetProperty(role + "Username").GetString());
                    named++;
                }
            }
        }

        Assert.True(named > 100, "the seeded cases name people");
    }

    [Fact]
    public async Task The_users_routes_need_a_token()
    {
        var reply = await SandboxApi.SendAsync(fixture.Client, HttpMethod.Get, "/v1/users", token: null);
        var byId = await SandboxApi.SendAsync(fixture.Client, HttpMethod.Get, "/v1/users/" + fixture.Host.Users[0].Uid, token: "not-a-token");

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, byId.Status);
    }
}
