using System.Net;
using System.Net.Http.Headers;
using CaseOps.Sandbox.Incydr.FileEvents;
using Xunit;

namespace CaseOps.Tests.Sandbox.FileEvents;

/// <summary>
/// The drop fault: headers with the full Content-Length, a few body bytes, then a cut connection.
/// Own fixture, because fault knobs are global to a host and other test classes run in parallel.
/// </summary>
public sealed class DropFaultTests : IClassFixture<FileEventsFixture>, IDisposable
{
    private readonly FileEventsFixture fixture;

    public DropFaultTests(FileEventsFixture fixture)
    {
        this.fixture = fixture;
        fixture.Host.Faults.Reset();
    }

    public void Dispose() => fixture.Host.Faults.Reset();

    /// <summary>Reads as much as the server sends; returns the Content-Length, the bytes received and the error, if any.</summary>
    private async Task<(HttpStatusCode Status, long? Length, int Received, Exception? Error)> ReadAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await fixture.TokenAsync());
        using var response = await fixture.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var received = 0;
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[8192];
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                received += read;
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return (response.StatusCode, response.Content.Headers.ContentLength, received, e);
        }

        return (response.StatusCode, response.Content.Headers.ContentLength, received, null);
    }

    private async Task<(long Number, string Id)> CaseWithFileAsync()
    {
        var number = await fixture.NewCaseAsync();
        var id = fixture.TakeIdWithFile();
        fixture.Host.FileEvents.Attach(number, id);
        return (number, id);
    }

    [Fact]
    public async Task A_dropped_source_file_is_cut_after_the_allowed_bytes_then_downloads_recover()
    {
        var (number, id) = await CaseWithFileAsync();
        fixture.Host.Faults.DropNextDownloads(1, 1000);

        var dropped = await ReadAsync($"/v1/cases/{number}/fileevent/{id}/file");
        var next = await ReadAsync($"/v1/cases/{number}/fileevent/{id}/file");

        Assert.Equal(HttpStatusCode.OK, dropped.Status);
        Assert.Equal(65536, dropped.Length);
        Assert.NotNull(dropped.Error);
        Assert.Equal(1000, dropped.Received);
        Assert.Null(next.Error);
        Assert.Equal(65536, next.Received);
        Assert.Equal(0, fixture.Host.Faults.PendingDrops);
    }

    [Theory]
    [InlineData("/export")]
    [InlineData("/export/full")]
    [InlineData("/fileevent/export")]
    public async Task Every_download_route_can_be_dropped(string tail)
    {
        var (number, _) = await CaseWithFileAsync();
        fixture.Host.Faults.DropNextDownloads(1, 10);

        var dropped = await ReadAsync($"/v1/cases/{number}{tail}");

        Assert.NotNull(dropped.Error);
        Assert.True(dropped.Received < dropped.Length, $"received {dropped.Received} of {dropped.Length}");
    }

    [Fact]
    public async Task Dropping_after_zero_bytes_sends_headers_only()
    {
        var (number, id) = await CaseWithFileAsync();
        fixture.Host.Faults.DropNextDownloads(2, 0);

        var first = await ReadAsync($"/v1/cases/{number}/fileevent/{id}/file");
        var second = await ReadAsync($"/api/v1/case/{number}/fileevent/{id}/file");
        var third = await ReadAsync($"/v1/cases/{number}/fileevent/{id}/file");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(0, first.Received);
        Assert.NotNull(first.Error);
        Assert.NotNull(second.Error);
        Assert.Null(third.Error);
    }

    [Fact]
    public async Task Error_answers_and_json_routes_do_not_use_up_a_drop()
    {
        var (number, id) = await CaseWithFileAsync();
        fixture.Host.Faults.DropNextDownloads(1, 100);

        var missing = await ReadAsync("/v1/cases/999999/export");
        var json = await ReadAsync($"/v1/cases/{number}/fileevent/{id}");

        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Null(missing.Error);
        Assert.Null(json.Error);
        Assert.Equal(1, fixture.Host.Faults.PendingDrops);

        fixture.Host.Faults.Reset();
        Assert.Equal(0, fixture.Host.Faults.PendingDrops);
        Assert.Null((await ReadAsync($"/v1/cases/{number}/export")).Error);
    }

    [Fact]
    public async Task A_body_shorter_than_the_limit_is_sent_whole()
    {
        var (number, id) = await CaseWithFileAsync();
        fixture.Host.Faults.DropNextDownloads(1, 1_000_000);

        var reply = await ReadAsync($"/v1/cases/{number}/fileevent/{id}/file");

        Assert.Null(reply.Error);
        Assert.Equal(65536, reply.Received);
        Assert.Equal(FileEventStore.SourceBytes(id, 16), FileEventStore.SourceBytes(id, 16));
    }
}
