using System.Net;
using Xunit;

namespace CaseOps.Tests.Sandbox;

/// <summary>X-Request-Id on every response, and the request log/counter.</summary>
public sealed class RequestLogTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture fixture;

    public RequestLogTests(SandboxFixture fixture)
    {
        this.fixture = fixture;
        fixture.Host.Faults.Reset();
        fixture.Host.Requests.Clear();
    }

    [Fact]
    public async Task Every_response_has_a_unique_request_id()
    {
        var first = await fixture.GetAsync("/v1/cases/1");
        var second = await fixture.GetAsync("/v1/cases/1");
        var missing = await fixture.GetAsync("/v1/cases/999999");
        var unauthorized = await SandboxApi.SendAsync(fixture.Client, HttpMethod.Get, "/v1/cases", token: null);
        var noRoute = await SandboxApi.SendAsync(fixture.Client, HttpMethod.Get, "/no/such/route", token: null);

        var ids = new[] { first, second, missing, unauthorized, noRoute }.Select(r => r.Header("X-Request-Id")).ToArray();
        Assert.All(ids, id => Assert.False(string.IsNullOrWhiteSpace(id)));
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.Equal(HttpStatusCode.NotFound, noRoute.Status);
        Assert.Equal(404, noRoute.Json.GetProperty("status").GetInt32());
        Assert.Equal("/no/such/route", noRoute.Json.GetProperty("path").GetString());
    }

    [Fact]
    public async Task Incoming_request_id_is_echoed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/cases/1");
        request.Headers.Authorization = new("Bearer", await fixture.TokenAsync());
        request.Headers.Add("X-Request-Id", "trace-abc-123");

        using var response = await fixture.Client.SendAsync(request);

        Assert.Equal("trace-abc-123", response.Headers.GetValues("X-Request-Id").Single());
        Assert.Contains(fixture.Host.Requests.Entries, e => e.RequestId == "trace-abc-123" && e.StatusCode == 200);
    }

    [Fact]
    public async Task Page_requests_are_counted_with_status_query_and_arrival_order()
    {
        await fixture.TokenAsync();
        fixture.Host.Requests.Clear();

        for (var page = 1; page <= 3; page++)
        {
            await fixture.GetAsync($"/v1/cases?pgNum={page}&pgSize=50");
        }

        await fixture.GetAsync("/v1/cases/3");
        await fixture.GetAsync("/v1/cases?pgNum=0");

        var log = fixture.Host.Requests;
        Assert.Equal(5, log.Count("GET", "/v1/cases"));
        Assert.Equal(4, log.Count(e => e.Method == "GET" && e.Path == "/v1/cases"));
        Assert.Equal(0, log.Count("POST", "/v1/cases"));
        var pages = log.Entries.Where(e => e.Path == "/v1/cases").ToArray();
        Assert.Equal(["?pgNum=1&pgSize=50", "?pgNum=2&pgSize=50", "?pgNum=3&pgSize=50", "?pgNum=0"], pages.Select(e => e.QueryString));
        Assert.Equal([200, 200, 200, 400], pages.Select(e => e.StatusCode));
        Assert.True(pages.Zip(pages.Skip(1)).All(pair => pair.First.ArrivedAt <= pair.Second.ArrivedAt && pair.First.Sequence < pair.Second.Sequence));
    }

    [Fact]
    public async Task Token_requests_and_failures_are_logged_too()
    {
        fixture.Host.Requests.Clear();

        await fixture.NewTokenAsync();
        await SandboxApi.SendAsync(fixture.Client, HttpMethod.Get, "/v1/cases", token: "bogus");
        await fixture.GetAsync("/v1/cases/424242");

        var entries = fixture.Host.Requests.Entries;
        Assert.Contains(entries, e => e is { Method: "POST", Path: "/v1/oauth", StatusCode: 200 });
        Assert.Contains(entries, e => e is { Path: "/v1/cases", StatusCode: 401 });
        Assert.Contains(entries, e => e is { Path: "/v1/cases/424242", StatusCode: 404 });
    }

    [Fact]
    public async Task Clear_empties_the_log()
    {
        await fixture.GetAsync("/v1/cases/1");

        fixture.Host.Requests.Clear();

        Assert.Empty(fixture.Host.Requests.Entries);
        Assert.Equal(0, fixture.Host.Requests.Count("GET", "/"));
    }

    [Fact]
    public async Task Concurrent_requests_are_all_counted()
    {
        var token = await fixture.TokenAsync();
        fixture.Host.Requests.Clear();

        await Task.WhenAll(Enumerable.Range(1, 40).Select(i => SandboxApi.SendAsync(fixture.Client, HttpMethod.Get, $"/v1/cases/{i}", token)));

        Assert.Equal(40, fixture.Host.Requests.Count("GET", "/v1/cases/"));
        Assert.Equal(40, fixture.Host.Requests.Entries.Select(e => e.Sequence).Distinct().Count());
    }
}
