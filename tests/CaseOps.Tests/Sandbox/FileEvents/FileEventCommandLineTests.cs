using CaseOps.Sandbox.Hosting;
using Xunit;

namespace CaseOps.Tests.Sandbox.FileEvents;

/// <summary>The file-event and drop-fault command-line options.</summary>
public sealed class FileEventCommandLineTests
{
    [Fact]
    public void File_event_and_drop_options_are_parsed_with_defaults()
    {
        var defaults = SandboxCommandLine.Parse([]).Options!;
        var result = SandboxCommandLine.Parse(["--file-events", "50", "--source-size=1048576", "--drop-downloads", "2", "--drop-after", "4096"]);

        Assert.Equal(2000, defaults.FileEventCount);
        Assert.Equal(65536, defaults.SourceFileSize);
        Assert.Equal(0, defaults.DropDownloads);
        Assert.Null(result.Error);
        Assert.Equal(50, result.Options!.FileEventCount);
        Assert.Equal(1_048_576, result.Options.SourceFileSize);
        Assert.Equal(2, result.Options.DropDownloads);
        Assert.Equal(4096, result.Options.DropAfterBytes);
        Assert.Contains("--drop-downloads", SandboxCommandLine.Usage);
        Assert.Contains("--source-size", SandboxCommandLine.Usage);
    }

    [Theory]
    [InlineData("--file-events", "-1")]
    [InlineData("--source-size", "-5")]
    [InlineData("--source-size", "big")]
    [InlineData("--drop-after", "-1")]
    [InlineData("--drop-downloads", "x")]
    public void Bad_values_are_reported(params string[] args)
    {
        var result = SandboxCommandLine.Parse(args);

        Assert.Null(result.Options);
        Assert.False(string.IsNullOrEmpty(result.Error));
    }

    [Fact]
    public async Task Options_reach_the_host()
    {
        var options = SandboxCommandLine.Parse(["--urls", "http://127.0.0.1:0", "--file-events", "30", "--drop-downloads", "3", "--drop-after", "10", "--cases", "4"]).Options!;

        await using var host = await CaseOps.Sandbox.SandboxHost.StartAsync(options);

        Assert.Equal(30, host.FileEvents.PoolIds.Count);
        Assert.Equal(3, host.Faults.PendingDrops);
    }
}
