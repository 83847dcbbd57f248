using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net.Http.Headers;
using System.Security;
using CaseOps.Connections;
using CaseOps.Http;
using CaseOps.Incydr;
using CaseOps.Incydr.Models;
using CaseOps.Paging;
using CaseOps.Benchmarks.Listings;
using CaseOps.Sandbox;

// The benchmarks behind docs/performance.md, one mode per run:
//   --listings        listings side by side with plain HTTP, the emulator out of process (Listings/ListingBenchmark.cs):
//                     [--page-counts 20,50,200] [--page-size 100] [--latency-ms 100] [--runs 5] [--retry-after 1] [--large 1000000]
//                     [--sections latency,gateway,earlystops,throughput,large] (default: all)
//   --key-set N       the memory of PageStream's repeat check over N in-memory items [--runs 5]
//   --source-mb N     memory while saving one captured source file of N MB
//   --profile-engine  the engine's listing of 20,000 cases over and over, to put a profiler on [--runs N]
//   dotnet run -c Release --project tests/CaseOps.Benchmarks -- <mode> [options]

if (args.Contains("--profile-engine"))
{
    await ListingBenchmark.ProfileEngineAsync(ListingOptions.Parse(args).Runs);
    return;
}

if (args.Contains("--listings"))
{
    await ListingBenchmark.RunAsync(ListingOptions.Parse(args));
    return;
}

var options = BenchmarkOptions.Parse(args);
if (options.KeySet > 0)
{
    await MeasureKeySet(options.KeySet, options.Runs);
    return;
}

if (options.SourceMb > 0)
{
    await MeasureSourceDownload(options.SourceMb);
    return;
}

Console.Error.WriteLine("Name a mode: --listings, --key-set N, --source-mb N or --profile-engine (see the top of Program.cs).");
Environment.ExitCode = 2;

static double Median(List<double> values) { var sorted = values.OrderBy(v => v).ToList(); return sorted[sorted.Count / 2]; }

static void Check(int actual, int expected)
{
    if (actual != expected) throw new InvalidOperationException($"listed {actual} cases, expected {expected}");
}

// Memory while saving one large captured source file: the body must go to disk through a fixed
// buffer in the module and in the emulator (both run in this process), never into memory whole.
static async Task MeasureSourceDownload(int megabytes)
{
    await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { CaseCount = 20 });
    var number = sandbox.Cases.Snapshot().First(c => sandbox.FileEvents.EventsOf(c.Number).Any(sandbox.FileEvents.HasSourceFile)).Number;
    var eventId = sandbox.FileEvents.EventsOf(number).First(sandbox.FileEvents.HasSourceFile);
    long size = megabytes * 1024L * 1024L;
    sandbox.FileEvents.SetSourceSize(eventId, size);
    var secret = new SecureString();
    foreach (var c in sandbox.Options.ClientSecret) secret.AppendChar(c);
    using var connection = new IncydrConnection(new ApiClientOptions(sandbox.IncydrBaseUri), sandbox.Options.ClientId, secret);
    var folder = Directory.CreateTempSubdirectory("caseops-bench-").FullName;
    try
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var heapBefore = GC.GetTotalMemory(true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(true);
        using var process = Process.GetCurrentProcess();
        var workingSetBefore = process.WorkingSet64;
        long heapPeak = heapBefore, workingSetPeak = workingSetBefore;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(false));
                process.Refresh();
                workingSetPeak = Math.Max(workingSetPeak, process.WorkingSet64);
                try { await Task.Delay(5, stop.Token); } catch (OperationCanceledException) { }
            }
        });
        var watch = Stopwatch.StartNew();
        using (var target = CaseOps.Downloads.DownloadTarget.Prepare(folder, "source.bin", overwrite: false))
        {
            var file = await new CaseExportService(connection).SaveSourceAsync(number, eventId, target, new CaseOps.Downloads.StreamingDownloadProgress(), CancellationToken.None);
            if (file.Length != size) throw new InvalidOperationException($"saved {file.Length} bytes, expected {size}");
        }
        var elapsed = watch.Elapsed;
        stop.Cancel();
        await sampler;
        Console.WriteLine();
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "Saving a {0} MB source file: {1:0.0} s ({2:N0} MB/s); managed heap peak +{3:N1} MB over {4:N1} MB before; working set peak +{5:N1} MB over {6:N1} MB before; {7:N1} MB allocated in all (module and emulator in one process).",
            megabytes, elapsed.TotalSeconds, megabytes / elapsed.TotalSeconds, (heapPeak - heapBefore) / 1048576.0, heapBefore / 1048576.0,
            (workingSetPeak - workingSetBefore) / 1048576.0, workingSetBefore / 1048576.0, (GC.GetTotalAllocatedBytes(true) - allocatedBefore) / 1048576.0));
    }
    finally
    {
        Directory.Delete(folder, recursive: true);
    }
}

// The cost of never handing out an item twice (docs/architecture.md, "Paging"): the same PageStream over
// a synthetic in-memory fetcher, without and with a key, for number ids and for text ids. "Held" is the
// managed heap, after a full collection, while the last item is being handed out, over the heap before
// the listing began: the key set at its fullest plus one page.
static async Task MeasureKeySet(int count, int runs)
{
    const int pageSize = 1000;
    var variants = new (string Name, Func<PageStream<object>> Create)[]
    {
        ("number ids, no repeat check", () => Numbers(null)),
        ("number ids, repeat check (key: the number)", () => Numbers(item => (long)item)),
        ("text ids, no repeat check", () => Texts(null)),
        ("text ids, repeat check (key: ListingKey.Of(id))", () => Texts(item => ListingKey.Of((string)item))),
    };
    Console.WriteLine();
    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "PageStream over {0:N0} in-memory items in pages of {1:N0}, median of {2} runs:", count, pageSize, runs));
    Console.WriteLine();
    Console.WriteLine("| listing | heap held at the last item (MB) | bytes per item | allocated in all (MB) | time (ms) |");
    Console.WriteLine("|---|---:|---:|---:|---:|");
    foreach (var (name, create) in variants)
    {
        var held = new List<double>();
        var allocated = new List<double>();
        var time = new List<double>();
        for (var run = 0; run < runs + 1; run++) // the first run warms up and is not counted
        {
            var (h, a, t) = await ListOnce(create(), count);
            if (run == 0) continue;
            held.Add(h); allocated.Add(a); time.Add(t);
        }
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0} | {1:0.0} | {2:0.0} | {3:0.0} | {4:0} |",
            name, Median(held) / 1e6, Median(held) / count, Median(allocated) / 1e6, Median(time)));
    }

    // Items are boxed numbers or strings made per page, so both variants of a kind allocate the same items.
    PageStream<object> Numbers(Func<object, long>? key) => new((page, size, ct) =>
        Task.FromResult(new Page<object>(Range(page, size).Select(i => (object)i).ToList(), count)), new PageStreamOptions { PageSize = pageSize }, key);

    PageStream<object> Texts(Func<object, long>? key) => new((page, size, ct) =>
        Task.FromResult(new Page<object>(Range(page, size).Select(i => (object)("0_" + i.ToString("x16", CultureInfo.InvariantCulture) + "_evt")).ToList(), count)),
        new PageStreamOptions { PageSize = pageSize }, key);

    IEnumerable<long> Range(int page, int size)
    {
        var first = (long)(page - 1) * size + 1;
        return Enumerable.Range(0, (int)Math.Max(0, Math.Min(size, count - first + 1))).Select(i => first + i);
    }
}

static async Task<(double Held, double Allocated, double Ms)> ListOnce(PageStream<object> stream, int count)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    var heapBefore = GC.GetTotalMemory(true);
    var allocatedBefore = GC.GetTotalAllocatedBytes(true);
    var watch = Stopwatch.StartNew();
    double held = 0;
    var items = 0;
    await foreach (var _ in stream)
    {
        if (++items == count)
        {
            watch.Stop();
            held = GC.GetTotalMemory(true) - heapBefore; // the enumerator, and so its key set, is still alive here
            watch.Start();
        }
    }
    var elapsed = watch.Elapsed.TotalMilliseconds;
    Check(items, count);
    return (held, GC.GetTotalAllocatedBytes(true) - allocatedBefore, elapsed);
}

internal sealed record BenchmarkOptions(int Runs, int SourceMb, int KeySet)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        }
        return new BenchmarkOptions(Get("--runs", 5), Get("--source-mb", 0), Get("--key-set", 0));
    }
}
