using System.Net;
using System.Text;
using Xunit;

namespace CaseOps.Tests.Sandbox.Zammad;

/// <summary>docs/contracts/zammad.md, Authentication and Acting on behalf of another user: the three schemes, missing and wrong credentials, X-Failure, impersonation.</summary>
public sealed class ZammadAuthTests(ZammadSandboxFixture fixture) : IClassFixture<ZammadSandboxFixture>
{
    private static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));

    private async Task<string?> MeAsync(string? auth, params (string, string)[] headers)
    {
        var reply = await fixture.SendAsync(HttpMethod.Get, "users/me", null, auth, headers);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        return reply.Json.GetProperty("login").GetString();
    }

    [Theory]
    [InlineData("Token token=caseops-demo-zammad-token", "admin")]
    [InlineData("Token token=\"caseops-demo-zammad-token\"", "admin")]
    [InlineData("Bearer caseops-demo-zammad-token", "admin")]
    [InlineData("Token token=caseops-demo-agent-token", "agent.smith")]
    [InlineData("Bearer caseops-demo-agent-token", "agent.smith")]
    public async Task Api_tokens_are_accepted_with_token_and_bearer_schemes(string auth, string login) =>
        Assert.Equal(login, await MeAsync(auth));

    [Theory]
    [InlineData("admin")]
    [InlineData("admin@example.com")]
    [InlineData("ADMIN")]
    public async Task Basic_accepts_the_admin_login_or_email(string user) =>
        Assert.Equal("admin", await MeAsync(Basic(user, "caseops-demo-password")));

    [Fact]
    public async Task Users_me_answers_the_user_json()
    {
        var me = (await fixture.GetAsync("users/me")).Json;

        Assert.Equal(["id", "login", "firstname", "lastname", "email", "active", "role_ids", "organization_id", "created_at", "updated_at"], SandboxApi.Keys(me));
        Assert.Equal(2, me.GetProperty("id").GetInt32());
        Assert.Equal([1, 2], me.GetProperty("role_ids").EnumerateArray().Select(r => r.GetInt32()));
        Assert.Equal("admin@example.com", me.GetProperty("email").GetString());
    }

    [Fact]
    public async Task Missing_credentials_answer_403_with_x_failure()
    {
        var reply = await fixture.GetAsync("tickets", auth: null);

        reply.AssertError(HttpStatusCode.Forbidden, "Authentication required");
        Assert.Equal("Authentication required", reply.Header("X-Failure"));
        Assert.StartsWith("application/json; charset=utf-8", reply.ContentType);
    }

    [Theory]
    [InlineData("Token token=nope", "Can't find User for Token")]
    [InlineData("Bearer nope", "The provided token is invalid.")]
    [InlineData("Basic YWRtaW46d3Jvbmc=", "Invalid BasicAuth credentials")]
    [InlineData("Basic !!!", "Invalid BasicAuth credentials")]
    public async Task Wrong_credentials_answer_401_with_the_scheme_text(string auth, string message)
    {
        var reply = await fixture.GetAsync("tickets", auth);

        reply.AssertError(HttpStatusCode.Unauthorized, message);
        Assert.Equal(message, reply.Header("X-Failure"));
        Assert.DoesNotContain("nope", reply.Text);
    }

    [Fact]
    public async Task Basic_with_an_agent_login_is_rejected() =>
        (await fixture.GetAsync("users/me", Basic("agent.smith", "caseops-demo-password"))).AssertError(HttpStatusCode.Unauthorized, "Invalid BasicAuth credentials");

    [Theory]
    [InlineData("X-On-Behalf-Of", "nicole.braun")]
    [InlineData("X-On-Behalf-Of", "4")]
    [InlineData("X-On-Behalf-Of", "nicole.braun@example.com")]
    [InlineData("From", "nicole.braun")]
    public async Task Admin_can_impersonate_by_login_id_or_email(string header, string value) =>
        Assert.Equal("nicole.braun", await MeAsync(ZammadSandboxFixture.AdminAuth, (header, value)));

    [Fact]
    public async Task Impersonation_needs_the_right_and_a_known_user()
    {
        var agent = await fixture.SendAsync(HttpMethod.Get, "users/me", null, ZammadSandboxFixture.AgentAuth, ("X-On-Behalf-Of", "admin"));
        var unknown = await fixture.SendAsync(HttpMethod.Get, "users/me", null, ZammadSandboxFixture.AdminAuth, ("X-On-Behalf-Of", "ghost"));

        agent.AssertError(HttpStatusCode.Forbidden, "Current user has no permission to use 'From'/'X-On-Behalf-Of'!");
        unknown.AssertError(HttpStatusCode.Forbidden, "No such user 'ghost'");
        Assert.Equal("No such user 'ghost'", unknown.Header("X-Failure"));
    }

    [Fact]
    public async Task Changes_made_on_behalf_of_a_user_are_attributed_to_that_user()
    {
        var created = await fixture.SendAsync(HttpMethod.Post, "tickets", new { title = "On behalf", group = "Users", customer = "bob@example.com" }, ZammadSandboxFixture.AdminAuth, ("X-On-Behalf-Of", "max.mustermann"));

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(5, created.Json.GetProperty("created_by_id").GetInt32());
        Assert.Equal(5, created.Json.GetProperty("updated_by_id").GetInt32());
        Assert.Equal(5, fixture.Host.Zammad.Tickets.Find(created.Json.GetProperty("id").GetInt32())!.CreatedById);
    }

    [Fact]
    public async Task A_customer_acting_through_impersonation_sees_only_own_tickets()
    {
        var bob = fixture.Host.Zammad.Users.FindByLoginOrEmail("bob@example.com")!;
        var reply = await fixture.SendAsync(HttpMethod.Get, "tickets?per_page=100", null, ZammadSandboxFixture.AdminAuth, ("X-On-Behalf-Of", "bob@example.com"));
        var other = fixture.Host.Zammad.Tickets.Snapshot().First(t => t.CustomerId != bob.Id);
        var forbidden = await fixture.SendAsync(HttpMethod.Get, $"tickets/{other.Id}", null, ZammadSandboxFixture.AdminAuth, ("X-On-Behalf-Of", "bob@example.com"));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.NotEmpty(reply.Json.EnumerateArray());
        Assert.All(reply.Json.EnumerateArray(), t => Assert.Equal(bob.Id, t.GetProperty("customer_id").GetInt32()));
        forbidden.AssertError(HttpStatusCode.Forbidden, "Not authorized");
    }

    [Fact]
    public async Task Agent_token_lacks_admin_rights()
    {
        var delete = await fixture.DeleteAsync("tickets/1", auth: ZammadSandboxFixture.AgentAuth);
        var tagList = await fixture.GetAsync("tag_list", ZammadSandboxFixture.AgentAuth);
        var tagCreate = await fixture.PostAsync("tag_list", new { name = "x" }, ZammadSandboxFixture.AgentAuth);
        var read = await fixture.GetAsync("tickets/1", ZammadSandboxFixture.AgentAuth);

        delete.AssertError(HttpStatusCode.Forbidden, "Not authorized");
        tagList.AssertError(HttpStatusCode.Forbidden, "Not authorized");
        tagCreate.AssertError(HttpStatusCode.Forbidden, "Not authorized");
        Assert.Equal("Not authorized", delete.Header("X-Failure"));
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.NotNull(fixture.Host.Zammad.Tickets.Find(1));
    }

    [Fact]
    public async Task Unknown_routes_answer_the_zammad_404_without_authentication()
    {
        var get = await fixture.GetAsync("xyz", auth: null);
        var patch = await fixture.SendAsync(HttpMethod.Patch, "tickets/1", new { title = "x" });

        get.AssertError(HttpStatusCode.NotFound, "No route matches [GET] /zammad/api/v1/xyz");
        patch.AssertError(HttpStatusCode.NotFound, "No route matches [PATCH] /zammad/api/v1/tickets/1");
    }

    [Fact]
    public async Task Version_answers_6_2_0() =>
        Assert.Equal("6.2.0", (await fixture.GetAsync("version")).Json.GetProperty("version").GetString());

    [Fact]
    public async Task Incydr_paths_keep_their_spring_404()
    {
        using var client = new HttpClient { BaseAddress = fixture.Host.IncydrBaseUri };
        var reply = await client.GetAsync("/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, reply.StatusCode);
        Assert.Contains("\"path\":\"/nothing-here\"", await reply.Content.ReadAsStringAsync());
    }
}
