using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using CaseOps.Sandbox.Incydr.FileEvents;
using Xunit;

namespace CaseOps.Tests.Sandbox.FileEvents;

/// <summary>Runs alone: it measures the process's live memory, which parallel tests would disturb.</summary>
[CollectionDefinition(nameof(StreamingCollection), DisableParallelization = true)]
public sealed class StreamingCollection;

/// <summary>A 200 MB source file streams without the emulator holding it in memory.</summary>
[Collection(nameof(StreamingCollection))]
public sealed class StreamingTests : IClassFixture<FileEventsFixture>
{
    private const long Size = 200L * 1024 * 1024;
    private readonly FileEventsFixture fixture;

    public StreamingTests(FileEventsFixture fixture) => this.fixture = fixture;

    [Fact]
    public async Task A_200_MB_source_file_streams_with_flat_memory_and_the_right_content()
    {
        var number = await fixture.NewCaseAsync();
        var id = fixture.TakeIdWithFile();
        fixture.Host.FileEvents.Attach(number, id);
        fixture.Host.FileEvents.SetSourceSize(id, Size);

        // Expected content: hash of the same generated sequence.
        using var expectedHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var generator = new SourceFileGenerator(id);
        var chunk = new byte[1024 * 1024];
        for (long done = 0; done < Size; done += chunk.Length)
        {
            generator.Fill(chunk);
            expectedHash.AppendData(chunk);
        }

        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = baseline;
        using var actualHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/cases/{number}/fileevent/{id}/file");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await fixture.TokenAsync());
        using var response = await fixture.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Size, response.Content.Headers.ContentLength);

        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[81920];
        long received = 0, nextSample = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            actualHash.AppendData(buffer, 0, read);
            received += read;
            if (received >= nextSample)
            {
                // Live memory after a full collection: buffering the file would show as ~200 MB.
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
                nextSample += 16 * 1024 * 1024;
            }
        }

        Assert.Equal(Size, received);
        Assert.Equal(expectedHash.GetHashAndReset(), actualHash.GetHashAndReset());
        var growth = peak - baseline;
        Assert.True(growth < 50L * 1024 * 1024, $"live memory grew by {growth / (1024 * 1024)} MB while streaming");
    }
}
