using System.Net;
using Xunit;

namespace CaseOps.Tests.Sandbox;

/// <summary>docs/contracts/incydr.md, Legacy py42 API: discovery hooks that let py42 find the cases API on the emulator.</summary>
public sealed class Py42HookTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private string BaseUrl => fixture.Host.IncydrBaseUri.GetLeftPart(UriPartial.Authority);

    [Fact]
    public async Task ServerEnv_points_sts_at_the_emulator()
    {
        var reply = await SandboxApi.SendAsync(fixture.Client, HttpMethod.Get, "/api/v1/ServerEnv", token: null);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(BaseUrl, reply.Json.GetProperty("stsBaseUrl").GetString());
    }

    [Fact]
    public async Task Cases_api_url_is_plain_text()
    {
        using var response = await fixture.Client.GetAsync("/v1/CASES_API-URL");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(BaseUrl, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Legacy_case_routes_need_a_token()
    {
        var reply = await SandboxApi.SendAsync(fixture.Client, HttpMethod.Get, "/api/v1/case/1", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
    }
}
