using System.Net;
using Xunit;

namespace CaseOps.Tests.Sandbox.Zammad;

/// <summary>Fault knobs on Zammad paths: Zammad-shaped bodies, Retry-After, request log.</summary>
public sealed class ZammadFaultTests : IClassFixture<ZammadSandboxFixture>, IDisposable
{
    private readonly ZammadSandboxFixture fixture;

    public ZammadFaultTests(ZammadSandboxFixture fixture)
    {
        this.fixture = fixture;
        fixture.Host.Faults.Reset();
        fixture.Host.Requests.Clear();
    }

    public void Dispose() => fixture.Host.Faults.Reset();

    [Fact]
    public async Task Injected_429_and_5xx_have_zammad_bodies_then_recover()
    {
        fixture.Host.Faults.RetryAfterSeconds = 4;
        fixture.Host.Faults.FailNext(1, 429);
        fixture.Host.Faults.FailNext(1, 502);

        var first = await fixture.GetAsync("tickets/1");
        var second = await fixture.GetAsync("tickets/1");
        var third = await fixture.GetAsync("tickets/1");

        first.AssertError(HttpStatusCode.TooManyRequests, "Injected fault");
        Assert.Equal("4", first.Header("Retry-After"));
        second.AssertError(HttpStatusCode.BadGateway, "Injected fault");
        Assert.Equal(HttpStatusCode.OK, third.Status);
        Assert.Equal([429, 502, 200], fixture.Host.Requests.Entries.Where(e => e.Path == "/zammad/api/v1/tickets/1").Select(e => e.StatusCode));
    }

    [Fact]
    public async Task Injected_faults_hit_before_authentication()
    {
        fixture.Host.Faults.FailNext(1, 503);

        var reply = await fixture.GetAsync("tickets", auth: null);

        reply.AssertError(HttpStatusCode.ServiceUnavailable, "Injected fault");
    }
}
