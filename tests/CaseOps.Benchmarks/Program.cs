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
using CaseOps.Sandbox;

// Measures CaseOps listings against the emulator: one page's round trip, time to the first
// object and the whole listing, for the service and for the cmdlet in a hosted runspace, beside
// a raw HttpClient loop. Prints a Markdown table; docs/performance.md keeps the results.
//   dotnet run -c Release --project tests/CaseOps.Benchmarks -- [--latency-ms 100] [--pages 20] [--page-size 100] [--runs 5] [--large 100000] [--source-mb 200]
// --key-set N measures only the memory of PageStream's repeat check over N in-memory items, then exits.
var options = BenchmarkOptions.Parse(args);
var culture = CultureInfo.InvariantCulture;

if (options.KeySet > 0)
{
    await MeasureKeySet(options.KeySet, options.Runs);
    return;
}

await using var host = await SandboxHost.StartAsync(new SandboxOptions { CaseCount = options.Pages * options.PageSize, RetryAfterSeconds = 0 });
host.Faults.Latency = TimeSpan.FromMilliseconds(options.LatencyMs);
var secret = new SecureString();
foreach (var c in host.Options.ClientSecret) secret.AppendChar(c);
using var connection = new IncydrConnection(new ApiClientOptions(host.IncydrBaseUri), host.Options.ClientId, secret);
var token = (await connection.Tokens.GetTokenAsync(RequestLog.None, CancellationToken.None)).AccessToken;
using var http = new HttpClient { BaseAddress = host.IncydrBaseUri };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

var roundTrip = new List<double>();
var rawTotal = new List<double>();
var serviceFirst = new List<double>();
var serviceTotal = new List<double>();
var cmdletFirst = new List<double>();
var cmdletTotal = new List<double>();

using var runspace = OpenRunspace(host);
for (var run = 0; run < options.Runs + 1; run++) // the first run warms up and is not counted
{
    var warm = run > 0;
    var watch = Stopwatch.StartNew();
    await http.GetStringAsync($"v1/cases?pgNum=1&pgSize={options.PageSize}");
    if (warm) roundTrip.Add(watch.Elapsed.TotalMilliseconds);

    watch.Restart();
    for (var page = 1; ; page++)
    {
        var body = await http.GetStringAsync($"v1/cases?pgNum={page}&pgSize={options.PageSize}&srtKey=number&srtDir=asc");
        var count = Newtonsoft.Json.Linq.JObject.Parse(body)["cases"]!.Count();
        if (count < options.PageSize || page * options.PageSize >= options.Pages * options.PageSize) break;
    }
    if (warm) rawTotal.Add(watch.Elapsed.TotalMilliseconds);

    watch.Restart();
    double first = -1;
    var items = 0;
    await foreach (var _ in new CaseService(connection).List(new CaseFilter(), new PageStreamOptions { PageSize = options.PageSize }))
    {
        if (items++ == 0) first = watch.Elapsed.TotalMilliseconds;
    }
    if (warm) { serviceFirst.Add(first); serviceTotal.Add(watch.Elapsed.TotalMilliseconds); }
    Check(items, options.Pages * options.PageSize);

    var (cFirst, cTotal, cItems) = RunCmdlet(runspace, options.PageSize);
    if (warm) { cmdletFirst.Add(cFirst); cmdletTotal.Add(cTotal); }
    Check(cItems, options.Pages * options.PageSize);
}

Console.WriteLine($"Emulator latency {options.LatencyMs} ms per request, {options.Pages} pages of {options.PageSize}, median of {options.Runs} runs (ms):");
Console.WriteLine();
Console.WriteLine("| measure | ms | in page round trips |");
Console.WriteLine("|---|---:|---:|");
var trip = Median(roundTrip);
Row("one page round trip (raw HttpClient)", trip);
Row("raw HttpClient, all pages one after another", Median(rawTotal));
Row("CaseService: first object", Median(serviceFirst));
Row("CaseService: whole listing", Median(serviceTotal));
Row("Get-Case (hosted runspace): first object", Median(cmdletFirst));
Row("Get-Case (hosted runspace): whole listing", Median(cmdletTotal));

if (options.Large > 0)
    await MeasureLarge(options);

if (options.SourceMb > 0)
    await MeasureSourceDownload(options.SourceMb);

void Row(string name, double ms) => Console.WriteLine(string.Format(culture, "| {0} | {1:0} | {2:0.00} |", name, ms, ms / trip));

static double Median(List<double> values) { var sorted = values.OrderBy(v => v).ToList(); return sorted[sorted.Count / 2]; }

static void Check(int actual, int expected)
{
    if (actual != expected) throw new InvalidOperationException($"listed {actual} cases, expected {expected}");
}

static Runspace OpenRunspace(SandboxHost host)
{
    var root = AppContext.BaseDirectory;
    while (!File.Exists(Path.Combine(root, "CaseOps.slnx"))) root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar))!;
    var state = InitialSessionState.CreateDefault2();
    state.ImportPSModule(Path.Combine(root, "artifacts", "module", "CaseOps", "CaseOps.psd1"));
    var runspace = RunspaceFactory.CreateRunspace(state);
    runspace.Open();
    var secure = new SecureString();
    foreach (var c in host.Options.ClientSecret) secure.AppendChar(c);
    using var ps = PowerShell.Create();
    ps.Runspace = runspace;
    ps.AddCommand("Connect-Incydr").AddParameter("Uri", host.IncydrBaseUri.ToString()).AddParameter("Credential", new PSCredential(host.Options.ClientId, secure));
    ps.Invoke();
    if (ps.HadErrors) throw new InvalidOperationException(ps.Streams.Error[0].ToString());
    return runspace;
}

static (double First, double Total, int Items) RunCmdlet(Runspace runspace, int pageSize)
{
    using var ps = PowerShell.Create();
    ps.Runspace = runspace;
    ps.AddCommand("Get-Case").AddParameter("PageSize", pageSize);
    var output = new PSDataCollection<PSObject>();
    var watch = Stopwatch.StartNew();
    double first = -1;
    output.DataAdded += (_, _) => { if (first < 0) first = watch.Elapsed.TotalMilliseconds; };
    ps.Invoke(null, output);
    return (first, watch.Elapsed.TotalMilliseconds, output.Count);
}

// Throughput and memory on a large tenant without latency: the stream must not hold the listing.
static async Task MeasureLarge(BenchmarkOptions options)
{
    await using var big = await SandboxHost.StartAsync(new SandboxOptions { CaseCount = options.Large });
    var secret = new SecureString();
    foreach (var c in big.Options.ClientSecret) secret.AppendChar(c);
    using var connection = new IncydrConnection(new ApiClientOptions(big.IncydrBaseUri), big.Options.ClientId, secret);
    GC.Collect();
    var before = GC.GetTotalAllocatedBytes(true);
    var maxHeap = 0L;
    var watch = Stopwatch.StartNew();
    var items = 0;
    await foreach (var c in new CaseService(connection).List(new CaseFilter(), new PageStreamOptions { PageSize = 1000 }))
    {
        if (++items % 5000 == 0) maxHeap = Math.Max(maxHeap, GC.GetTotalMemory(false));
    }
    var elapsed = watch.Elapsed;
    Check(items, options.Large);
    Console.WriteLine();
    Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
        "{0:N0} cases in pages of 1000, no latency: {1:0.0} s, {2:N0} cases/s, {3:N0} MB allocated in all, managed heap at most {4:N0} MB while listing (emulator in the same process).",
        items, elapsed.TotalSeconds, items / elapsed.TotalSeconds, (GC.GetTotalAllocatedBytes(true) - before) / 1e6, maxHeap / 1e6));
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

internal sealed record BenchmarkOptions(int LatencyMs, int Pages, int PageSize, int Runs, int Large, int SourceMb, int KeySet)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        }
        return new BenchmarkOptions(Get("--latency-ms", 100), Get("--pages", 20), Get("--page-size", 100), Get("--runs", 5), Get("--large", 0), Get("--source-mb", 0), Get("--key-set", 0));
    }
}
