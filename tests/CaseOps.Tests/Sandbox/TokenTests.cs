using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Xunit;

namespace CaseOps.Tests.Sandbox;

/// <summary>docs/contracts/incydr.md, Authentication and token lifetime: the token endpoint and bearer checks on API routes.</summary>
public sealed class TokenTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private HttpClient Client => fixture.Client;

    private Task<HttpResponseMessage> PostTokenAsync(string path, AuthenticationHeaderValue? auth, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Authorization = auth;
        return Client.SendAsync(request);
    }

    private AuthenticationHeaderValue GoodBasic() => SandboxApi.Basic("caseops-demo", "caseops-demo-secret");

    [Fact]
    public async Task Basic_credentials_without_body_or_grant_type_get_a_bearer_token()
    {
        using var response = await PostTokenAsync("/v1/oauth", GoodBasic());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await SandboxApi.ReadJsonAsync(response);
        var root = json.RootElement;
        Assert.Equal(["access_token", "token_type", "expires_in"], SandboxApi.Keys(root));
        Assert.Equal("bearer", root.GetProperty("token_type").GetString());
        Assert.Equal(900, root.GetProperty("expires_in").GetInt32());
        Assert.True(fixture.Host.Tokens.IsValid(root.GetProperty("access_token").GetString()!));
    }

    [Fact]
    public async Task Token_is_jwt_shaped_with_tenant_uid_in_payload()
    {
        var token = await fixture.NewTokenAsync();

        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        Assert.All(parts, part => Assert.Matches("^[A-Za-z0-9_-]+$", part));
        var payload = parts[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        using var json = JsonDocument.Parse(Convert.FromBase64String(payload));
        Assert.Equal(fixture.Host.Options.TenantUid, json.RootElement.GetProperty("tenantUid").GetString());
    }

    [Fact]
    public async Task Tokens_are_unique()
    {
        Assert.NotEqual(await fixture.NewTokenAsync(), await fixture.NewTokenAsync());
    }

    [Fact]
    public async Task Grant_type_client_credentials_is_accepted_in_query_and_form()
    {
        using var viaQuery = await PostTokenAsync("/v1/oauth?grant_type=client_credentials", GoodBasic());
        using var viaForm = await PostTokenAsync("/v1/oauth", GoodBasic(), new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }));

        Assert.Equal(HttpStatusCode.OK, viaQuery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, viaForm.StatusCode);
    }

    [Fact]
    public async Task Form_fields_client_id_and_secret_are_accepted()
    {
        using var response = await PostTokenAsync("/v1/oauth", null, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "caseops-demo",
            ["client_secret"] = "caseops-demo-secret",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/v1/oauth?grant_type=password")]
    [InlineData("/v1/oauth?grant_type=authorization_code")]
    public async Task Unknown_grant_type_is_400(string path)
    {
        using var response = await PostTokenAsync(path, GoodBasic());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Malformed_basic_header_is_400()
    {
        using var response = await PostTokenAsync("/v1/oauth", new AuthenticationHeaderValue("Basic", "%%%not-base64"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("caseops-demo", "wrong-secret")]
    [InlineData("someone-else", "caseops-demo-secret")]
    [InlineData("caseops-demo", "")]
    public async Task Wrong_credentials_are_401_unauthorized(string id, string secret)
    {
        using var response = await PostTokenAsync("/v1/oauth", SandboxApi.Basic(id, secret));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var json = await SandboxApi.ReadJsonAsync(response);
        Assert.Equal("unauthorized", json.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Missing_credentials_are_401()
    {
        using var response = await PostTokenAsync("/v1/oauth", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Py42_token_endpoint_issues_tokens_too()
    {
        using var response = await PostTokenAsync("/api/v3/oauth/token?grant_type=client_credentials", GoodBasic());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await SandboxApi.ReadJsonAsync(response);
        Assert.True(fixture.Host.Tokens.IsValid(json.RootElement.GetProperty("access_token").GetString()!));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer")]
    [InlineData("Bearer not-a-token")]
    [InlineData("Basic Y2FzZW9wcy1kZW1vOmNhc2VvcHMtZGVtby1zZWNyZXQ=")]
    public async Task Api_routes_without_a_valid_token_are_401(string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/cases?pgSize=1");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var json = await SandboxApi.ReadJsonAsync(response);
        Assert.Equal("unauthorized", json.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task ExpireAll_makes_issued_tokens_401_and_new_tokens_work()
    {
        var old = await fixture.NewTokenAsync();
        var before = await SandboxApi.SendAsync(Client, HttpMethod.Get, "/v1/cases/1", old);

        fixture.Host.Tokens.ExpireAll();
        var after = await SandboxApi.SendAsync(Client, HttpMethod.Get, "/v1/cases/1", old);
        var renewed = await SandboxApi.SendAsync(Client, HttpMethod.Get, "/v1/cases/1", await fixture.NewTokenAsync());

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, after.Status);
        Assert.Equal(HttpStatusCode.OK, renewed.Status);
    }

    [Fact]
    public async Task Token_expires_after_its_lifetime_and_lifetime_is_reported()
    {
        var tokens = fixture.Host.Tokens;
        var original = tokens.Lifetime;
        try
        {
            tokens.Lifetime = TimeSpan.FromSeconds(1);
            using var response = await PostTokenAsync("/v1/oauth", GoodBasic());
            using var json = await SandboxApi.ReadJsonAsync(response);
            var token = json.RootElement.GetProperty("access_token").GetString()!;
            var fresh = await SandboxApi.SendAsync(Client, HttpMethod.Get, "/v1/cases/1", token);

            await Task.Delay(TimeSpan.FromMilliseconds(1300));
            var stale = await SandboxApi.SendAsync(Client, HttpMethod.Get, "/v1/cases/1", token);

            Assert.Equal(1, json.RootElement.GetProperty("expires_in").GetInt32());
            Assert.Equal(HttpStatusCode.OK, fresh.Status);
            Assert.Equal(HttpStatusCode.Unauthorized, stale.Status);
        }
        finally
        {
            tokens.Lifetime = original;
        }
    }

    [Fact]
    public async Task Bearer_scheme_is_case_insensitive()
    {
        var token = await fixture.NewTokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/cases/1");
        request.Headers.TryAddWithoutValidation("Authorization", "bearer " + token);

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
