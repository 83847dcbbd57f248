using CaseOps.Tests.Infrastructure;
using CaseOps.Tests.Sandbox.FileEvents;
using Xunit;

namespace CaseOps.Tests.Cmdlets.FileEvents;

/// <summary>
/// Save-CaseFileEventSource on a 200 MB file, measuring the process's live managed memory; in the
/// non-parallel collection so other tests' allocations do not disturb the measurement.
/// </summary>
[Collection(nameof(StreamingCollection))]
public sealed class SourceMemoryTests : CmdletTestBase
{
    private readonly TestFolder _temp = new("memory");

    private string Folder => _temp.Path;

    public SourceMemoryTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private CaseOps.Sandbox.Incydr.FileEvents.FileEventStore Events => Sandbox.Host.FileEvents;

    public override void Dispose()
    {
        base.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Saving_a_200_MB_source_file_keeps_memory_flat()
    {
        var number = Sandbox.Host.Cases.Snapshot().First(c => Events.EventsOf(c.Number).Any(Events.HasSourceFile)).Number;
        var id = Events.EventsOf(number).First(Events.HasSourceFile);
        const long size = 200L * 1024 * 1024;
        Events.SetSourceSize(id, size);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                try { await Task.Delay(5, stop.Token); } catch (OperationCanceledException) { }
            }
        });

        var file = Assert.IsType<FileInfo>(Assert.Single(Session.Run("param($n, $id, $p) Save-CaseFileEventSource -CaseNumber $n -EventId $id -Path $p", new() { ["n"] = number, ["id"] = id, ["p"] = Folder }).AssertSuccess().Output).BaseObject);
        stop.Cancel();
        await sampler;

        Assert.Equal(size, file.Length);
        // Client and emulator in one process: both stream through fixed buffers. Buffering the body
        // anywhere would add at least 200 MB.
        var growthMb = (peak - baseline) / (1024.0 * 1024.0);
        Assert.True(growthMb < 64, $"managed heap grew by {growthMb:N1} MB while saving {size / 1048576} MB");
        File.Delete(file.FullName);
    }
}
