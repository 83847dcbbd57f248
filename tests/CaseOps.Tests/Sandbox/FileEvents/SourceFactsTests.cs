using System.Security.Cryptography;
using CaseOps.Sandbox.Incydr.FileEvents;
using Xunit;

namespace CaseOps.Tests.Sandbox.FileEvents;

/// <summary>docs/contracts/incydr.md, "Bodies" under Downloads: the event's sizeInBytes and hashes describe the bytes the source file route serves.</summary>
public sealed class SourceFactsTests(FileEventsFixture fixture) : IClassFixture<FileEventsFixture>
{
    [Theory]
    [InlineData(65536)]
    [InlineData(200_003)]
    public async Task The_events_size_md5_and_sha256_are_those_of_the_served_bytes(long size)
    {
        var number = await fixture.NewCaseAsync();
        var id = fixture.TakeIdWithFile();
        fixture.Host.FileEvents.Attach(number, id);
        fixture.Host.FileEvents.SetSourceSize(id, size);
        var path = $"/v1/cases/{number}/fileevent/{Uri.EscapeDataString(id)}";

        var download = await fixture.DownloadAsync(path + "/file");
        var document = await fixture.GetAsync(path);

        Assert.Equal(size, download.ContentLength);
        var file = document.Json.GetProperty("file");
        Assert.Equal(download.Body.Length, file.GetProperty("sizeInBytes").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(download.Body)), file.GetProperty("hash").GetProperty("sha256").GetString());
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(download.Body)), file.GetProperty("hash").GetProperty("md5").GetString());
    }
}
