using System.Diagnostics;
using System.Globalization;
using CaseOps.Connections;
using CaseOps.Http;
using CaseOps.Incydr;
using CaseOps.Incydr.Models;
using CaseOps.Paging;
using CaseOps.Zammad.Models;

namespace CaseOps.Benchmarks.Listings;

/// <summary>
/// Listings side by side in one run (docs/performance.md, "Listings at the speed of the wire"): plain
/// HTTP one page after another, plain HTTP with page 1 and then all the others at once (the floor),
/// Get-Case and Get-Ticket, each against the same emulator in its own process, rounds interleaved,
/// medians printed as Markdown tables.
/// </summary>
internal static class ListingBenchmark
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The engine's listing of 20,000 cases without latency, over and over: something to put a profiler on.</summary>
    public static async Task ProfileEngineAsync(int rounds)
    {
        await using var emulator = await EmulatorProcess.StartAsync(Emulator(20_000, 0));
        using var engine = EngineConnection(emulator);
        for (var i = 0; i < rounds; i++)
            Console.WriteLine(string.Format(Invariant, "{0:0} ms", await Time(async () => Check(await EngineCases(engine, 100) == 20_000, "CaseService"))));
    }

    public static async Task RunAsync(ListingOptions options)
    {
        Console.WriteLine(string.Format(Invariant, "Pages of {0}, {1} ms added to every request, median of {2} runs after a warm-up run; emulator in its own process.", options.PageSize, options.LatencyMs, options.Runs));
        if (options.Includes(ListingSection.Latency))
            foreach (var pages in options.PageCounts)
                await WithLatency(options, pages);
        if (options.Includes(ListingSection.Gateway))
            foreach (var pages in options.PageCounts)
                await UnderGatewayLimit(options, pages);
        if (options.Includes(ListingSection.EarlyStops))
            await RequestCounts(options);
        if (options.Includes(ListingSection.Throughput))
            await WithoutLatency(options);
        if (options.Includes(ListingSection.Large) && options.Large > 0)
            await LargeListing(options.Large);
    }

    private static string[] Emulator(int items, int latencyMs, params string[] more) =>
        ["--cases", Text(items), "--tickets", Text(items), "--latency-ms", Text(latencyMs), .. more];

    private static string Text(int value) => value.ToString(Invariant);

    // Plain one after another, the floor, and the cmdlets, for cases and tickets, rounds interleaved.
    private static async Task WithLatency(ListingOptions options, int pages)
    {
        await using var emulator = await EmulatorProcess.StartAsync(Emulator(pages * options.PageSize, options.LatencyMs));
        using var plain = await PlainClient.CreateAsync(emulator);
        using var session = new CmdletSession(emulator);
        var incydr = session.ConnectIncydr();
        var incydr16 = session.ConnectIncydr(16);
        var zammad = session.ConnectZammad();
        var zammad16 = session.ConnectZammad(16);
        var expectedCases = (await plain.CasesOneAfterAnotherAsync(options.PageSize)).Select(c => c.Number).ToList();
        var expectedTickets = (await plain.TicketsOneAfterAnotherAsync(options.PageSize)).Select(t => t.Id).ToList();
        Check(expectedCases.Count == pages * options.PageSize && expectedTickets.Count == pages * options.PageSize, "the emulator holds the wrong number of items");

        var m = new Measures();
        for (var run = 0; run <= options.Runs; run++)
        {
            var warm = run > 0;
            m.Add(warm, "case trip", await Time(() => plain.CasePageAsync(options.PageSize)));
            m.Add(warm, "case plain", await Time(async () => Check((await plain.CasesOneAfterAnotherAsync(options.PageSize)).Count == expectedCases.Count, "plain cases")));
            m.Add(warm, "case floor", await Time(async () => Check((await plain.CasesFloorAsync(options.PageSize)).Count == expectedCases.Count, "floor cases")));
            foreach (var (suffix, connection) in new[] { ("", incydr), (" 16", incydr16) })
                MeasureCmdlet(m, warm, "case", suffix, session.List("Get-Case", connection, options.PageSize, o => ((Case)o).Number), expectedCases);

            m.Add(warm, "ticket trip", await Time(() => plain.TicketPageAsync(options.PageSize)));
            m.Add(warm, "ticket plain", await Time(async () => Check((await plain.TicketsOneAfterAnotherAsync(options.PageSize)).Count == expectedTickets.Count, "plain tickets")));
            m.Add(warm, "ticket floor", await Time(async () => Check((await plain.TicketsFloorAsync(options.PageSize, pages)).Count == expectedTickets.Count, "floor tickets")));
            foreach (var (suffix, connection) in new[] { ("", zammad), (" 16", zammad16) })
                MeasureCmdlet(m, warm, "ticket", suffix, session.List("Get-Ticket", connection, options.PageSize, o => ((Ticket)o).Id), expectedTickets);
        }

        Console.WriteLine();
        Console.WriteLine(string.Format(Invariant, "### {0} pages of {1} ({2:N0} items), {3} ms latency", pages, options.PageSize, pages * options.PageSize, options.LatencyMs));
        Console.WriteLine();
        Console.WriteLine("| listing | first object (ms) | first object (round trips) | whole listing (ms) | vs one page after another | vs the floor |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (noun, cmdlet) in new[] { ("case", "Get-Case"), ("ticket", "Get-Ticket") })
        {
            var trip = m.Median(noun + " trip");
            var sequential = m.Median(noun + " plain");
            var floor = m.Median(noun + " floor");
            Console.WriteLine(string.Format(Invariant, "| {0}s: one page round trip (plain) | {1:0} | 1.00 | | | |", noun, trip));
            Console.WriteLine(string.Format(Invariant, "| {0}s: plain HTTP, one page after another | {1:0} | 1.00 | {2:0} | 1.0× | {3:0.00}× |", noun, trip, sequential, sequential / floor));
            Console.WriteLine(string.Format(Invariant, "| {0}s: plain HTTP, page 1 then all others at once (the floor) | {1:0} | 1.00 | {2:0} | {3:0.0}× faster | 1.00× |", noun, trip, floor, sequential / floor));
            foreach (var (suffix, label) in new[] { ("", "**" + cmdlet + "** (default -MaxConcurrency 8)"), (" 16", cmdlet + " on a connection with -MaxConcurrency 16") })
            {
                var first = m.Median(noun + " first" + suffix);
                var total = m.Median(noun + " cmdlet" + suffix);
                Console.WriteLine(string.Format(Invariant, "| {0} | {1:0} | {2:0.00} | {3:0} | {4:0.0}× faster | {5:0.00}× |", label, first, first / trip, total, sequential / total, total / floor));
            }
        }
    }

    private static void MeasureCmdlet(Measures m, bool warm, string noun, string suffix, ListingRun run, List<long> expected)
    {
        CheckExact(run, expected, noun + " cmdlet" + suffix);
        m.Add(warm, noun + " first" + suffix, run.FirstMs);
        m.Add(warm, noun + " cmdlet" + suffix, run.TotalMs);
    }

    // The same listings behind a gateway that takes 4 requests in flight per client and refuses more
    // with 429 and Retry-After: 1. A fresh connection per run, so each run has to find the limit.
    private static async Task UnderGatewayLimit(ListingOptions options, int pages)
    {
        const int limit = 4;
        await using var emulator = await EmulatorProcess.StartAsync(Emulator(pages * options.PageSize, options.LatencyMs, "--max-in-flight", Text(limit), "--retry-after", Text(options.RetryAfter)));
        using var plain = await PlainClient.CreateAsync(emulator);
        using var session = new CmdletSession(emulator);
        var expectedCases = (await plain.CasesOneAfterAnotherAsync(options.PageSize)).Select(c => c.Number).ToList();
        var expectedTickets = (await plain.TicketsOneAfterAnotherAsync(options.PageSize)).Select(t => t.Id).ToList();
        var variants = new (string Name, string Command, Func<object> Connect, Func<object, long> Key, List<long> Expected)[]
        {
            ("Get-Case, default -MaxConcurrency 8 (finds the limit)", "Get-Case", () => session.ConnectIncydr(), o => ((Case)o).Number, expectedCases),
            ("Get-Case, -MaxConcurrency 4 (told the limit)", "Get-Case", () => session.ConnectIncydr(limit), o => ((Case)o).Number, expectedCases),
            ("Get-Ticket, default -MaxConcurrency 8 (finds the limit)", "Get-Ticket", () => session.ConnectZammad(), o => ((Ticket)o).Id, expectedTickets),
            ("Get-Ticket, -MaxConcurrency 4 (told the limit)", "Get-Ticket", () => session.ConnectZammad(limit), o => ((Ticket)o).Id, expectedTickets),
        };

        var m = new Measures();
        for (var run = 0; run <= options.Runs; run++)
        {
            var warm = run > 0;
            m.Add(warm, "trip", await Time(() => plain.CasePageAsync(options.PageSize)));
            foreach (var v in variants)
            {
                var connection = v.Connect();
                await Settle(emulator);
                var listing = session.List(v.Command, connection, options.PageSize, v.Key);
                var counts = await emulator.CountsAsync();
                m.Add(warm, v.Name, listing.TotalMs);
                m.Add(warm, v.Name + " first", listing.FirstMs);
                m.Add(warm, v.Name + " refused", counts.Rejected);
                m.Add(warm, v.Name + " peak", counts.PeakInFlight);
                m.Add(warm, v.Name + " errors", listing.Errors);
                m.Add(warm, v.Name + " wrong", listing.Wrong(v.Expected));
            }
        }

        var trip = m.Median("trip");
        var ideal = trip * (1 + Math.Ceiling((pages - 1) / (double)limit));
        Console.WriteLine();
        Console.WriteLine(string.Format(Invariant, "### {0} pages under a gateway limit of {1} in flight (429, Retry-After: {2}), {3} ms latency", pages, limit, options.RetryAfter, options.LatencyMs));
        Console.WriteLine();
        Console.WriteLine(string.Format(Invariant, "Ideal for {0} in flight: page 1, then {1} rounds of {0} = {2:0} ms ({3:0} ms round trip).", limit, Math.Ceiling((pages - 1) / (double)limit), ideal, trip));
        Console.WriteLine();
        Console.WriteLine("| listing | whole listing (ms) | vs ideal | first object (round trips) | refused (429) | peak in flight at the server | error records | items lost or repeated |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var v in variants)
        {
            var total = m.Median(v.Name);
            Console.WriteLine(string.Format(Invariant, "| {0} | {1:0} | {2:0.00}× | {3:0.00} | {4:0} (max {5:0}) | {6:0} | {7:0} (max {8:0}) | {9:0} (max {10:0}) |",
                v.Name, total, total / ideal, m.Median(v.Name + " first") / trip, m.Median(v.Name + " refused"), m.Max(v.Name + " refused"), m.Median(v.Name + " peak"),
                m.Median(v.Name + " errors"), m.Max(v.Name + " errors"), m.Median(v.Name + " wrong"), m.Max(v.Name + " wrong")));
        }
    }

    // What an early stop costs: requests that reached the server for -First 1 and Select-Object -First 3.
    private static async Task RequestCounts(ListingOptions options)
    {
        const int pages = 50;
        await using var emulator = await EmulatorProcess.StartAsync(Emulator(pages * options.PageSize, options.LatencyMs));
        using var session = new CmdletSession(emulator);
        var incydr = session.ConnectIncydr();
        var zammad = session.ConnectZammad();
        Console.WriteLine();
        Console.WriteLine(string.Format(Invariant, "### Early stops: requests that reached the server ({0} pages of {1}, {2} ms latency; median of {3} runs)", pages, options.PageSize, options.LatencyMs, options.Runs));
        Console.WriteLine();
        Console.WriteLine("| command | page requests (median) | most in any run | answered | cancelled by the client (499) | items out |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        var commands = new (string Text, string Command, object Connection, string Path, int? First, string? Select, Func<object, long> Key)[]
        {
            ($"Get-Case -PageSize {options.PageSize} -First 1", "Get-Case", incydr, "/v1/cases", 1, null, o => ((Case)o).Number),
            ($"Get-Case -PageSize {options.PageSize} \\| Select-Object -First 3", "Get-Case", incydr, "/v1/cases", null, "3", o => ((Case)o).Number),
            ($"Get-Ticket -PageSize {options.PageSize} -First 1", "Get-Ticket", zammad, "/tickets", 1, null, o => ((Ticket)o).Id),
            ($"Get-Ticket -PageSize {options.PageSize} \\| Select-Object -First 3", "Get-Ticket", zammad, "/tickets", null, "3", o => ((Ticket)o).Id),
        };
        foreach (var c in commands)
        {
            var m = new Measures();
            var items = 0;
            for (var run = 0; run <= options.Runs; run++)
            {
                await Settle(emulator);
                var listing = session.List(c.Command, c.Connection, options.PageSize, c.Key, c.Select, c.First);
                items = listing.Keys.Count;
                await Task.Delay(TimeSpan.FromMilliseconds(options.LatencyMs * 3 + 200)); // let cancelled requests reach their end at the server
                var counts = await emulator.CountsAsync();
                m.Add(run > 0, "all", counts.Count(c.Path));
                m.Add(run > 0, "answered", counts.Count(c.Path, 200));
                m.Add(run > 0, "cancelled", counts.Count(c.Path, 499));
            }
            Console.WriteLine(string.Format(Invariant, "| `{0}` | {1:0} | {2:0} | {3:0} | {4:0} | {5} |", c.Text, m.Median("all"), m.Max("all"), m.Median("answered"), m.Median("cancelled"), items));
        }
    }

    // Items per second through the pipeline without latency, against plain HttpClient + Newtonsoft
    // reading the same pages into the same types one after another.
    private static async Task WithoutLatency(ListingOptions options)
    {
        const int pages = 200;
        var items = pages * options.PageSize;
        await using var emulator = await EmulatorProcess.StartAsync(Emulator(items, 0));
        using var plain = await PlainClient.CreateAsync(emulator);
        using var session = new CmdletSession(emulator);
        var incydr = session.ConnectIncydr();
        var zammad = session.ConnectZammad();
        using var engine = EngineConnection(emulator);
        var m = new Measures();
        for (var run = 0; run <= options.Runs; run++)
        {
            var warm = run > 0;
            m.Add(warm, "case plain", await Time(async () => Check((await plain.CasesOneAfterAnotherAsync(options.PageSize)).Count == items, "plain cases")));
            var cases = session.List("Get-Case", incydr, options.PageSize, o => ((Case)o).Number);
            Check(cases.Keys.Count == items && cases.Errors == 0, "Get-Case without latency");
            m.Add(warm, "case cmdlet", cases.TotalMs);
            m.Add(warm, "case engine", await Time(async () => Check(await EngineCases(engine, options.PageSize) == items, "CaseService")));
            m.Add(warm, "case piped", await Time(() => Task.Run(() => session.Run("param($c) Get-Case -Connection $c -PageSize " + Text(options.PageSize) + " | Out-Null", incydr))));
            m.Add(warm, "ticket plain", await Time(async () => Check((await plain.TicketsOneAfterAnotherAsync(options.PageSize)).Count == items, "plain tickets")));
            var tickets = session.List("Get-Ticket", zammad, options.PageSize, o => ((Ticket)o).Id);
            Check(tickets.Keys.Count == items && tickets.Errors == 0, "Get-Ticket without latency");
            m.Add(warm, "ticket cmdlet", tickets.TotalMs);
        }

        Console.WriteLine();
        Console.WriteLine(string.Format(Invariant, "### Without latency: {0:N0} items in pages of {1}", items, options.PageSize));
        Console.WriteLine();
        Console.WriteLine("| listing | ms | items per second | vs plain |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (noun, cmdlet) in new[] { ("case", "Get-Case"), ("ticket", "Get-Ticket") })
        {
            var plainMs = m.Median(noun + " plain");
            var cmdletMs = m.Median(noun + " cmdlet");
            Console.WriteLine(string.Format(Invariant, "| {0}s: HttpClient + Newtonsoft, one page after another | {1:0} | {2:N0} | 1.00× |", noun, plainMs, items / plainMs * 1000));
            if (noun == "case")
            {
                var engineMs = m.Median("case engine");
                Console.WriteLine(string.Format(Invariant, "| cases: CaseService, the engine without PowerShell | {0:0} | {1:N0} | {2:0.00}× |", engineMs, items / engineMs * 1000, plainMs / engineMs));
            }
            Console.WriteLine(string.Format(Invariant, "| **{0}** (hosted runspace, objects collected by the host) | {1:0} | {2:N0} | {3:0.00}× |", cmdlet, cmdletMs, items / cmdletMs * 1000, plainMs / cmdletMs));
            if (noun == "case")
            {
                var pipedMs = m.Median("case piped");
                Console.WriteLine(string.Format(Invariant, "| `Get-Case \\| Out-Null` (hosted runspace, objects passed down the pipeline) | {0:0} | {1:N0} | {2:0.00}× |", pipedMs, items / pipedMs * 1000, plainMs / pipedMs));
            }
        }
    }

    private static IncydrConnection EngineConnection(EmulatorProcess emulator)
    {
        var secret = new System.Security.SecureString();
        foreach (var c in emulator.ClientSecret)
            secret.AppendChar(c);
        return new IncydrConnection(new ApiClientOptions(emulator.BaseUri), emulator.ClientId, secret);
    }

    private static async Task<int> EngineCases(IncydrConnection connection, int pageSize)
    {
        var count = 0;
        await foreach (var _ in new CaseService(connection).List(new CaseFilter(), new PageStreamOptions { PageSize = pageSize }))
            count++;
        return count;
    }

    // A million cases streamed through Get-Case: the client's managed heap must not grow with the listing.
    private static async Task LargeListing(int count)
    {
        await using var emulator = await EmulatorProcess.StartAsync(Emulator(count, 0, "--tickets", "10"));
        using var session = new CmdletSession(emulator);
        var incydr = session.ConnectIncydr();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = GC.GetTotalMemory(true);
        long peak = before, peakLive = before;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            var tick = 0;
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                if (++tick % 50 == 0)
                    peakLive = Math.Max(peakLive, GC.GetTotalMemory(true));
                try { await Task.Delay(10, stop.Token); } catch (OperationCanceledException) { }
            }
        });
        var watch = Stopwatch.StartNew();
        var listed = session.Run("param($c) $n = 0; Get-Case -Connection $c -PageSize 1000 | ForEach-Object { $n++ }; $n", incydr);
        var elapsed = watch.Elapsed;
        await stop.CancelAsync();
        await sampler;
        var n = (int)listed.Single().BaseObject;
        Check(n == count, $"listed {n} cases, expected {count}");
        var counts = await emulator.CountsAsync();
        Console.WriteLine();
        Console.WriteLine(string.Format(Invariant, "### {0:N0} cases streamed (`Get-Case -PageSize 1000 | ForEach-Object {{ $n++ }}`, no latency)", count));
        Console.WriteLine();
        Console.WriteLine("| measure | value |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine(string.Format(Invariant, "| time | {0:0.0} s ({1:N0} cases/s) |", elapsed.TotalSeconds, count / elapsed.TotalSeconds));
        Console.WriteLine(string.Format(Invariant, "| page requests | {0:N0} |", counts.Count("/v1/cases")));
        Console.WriteLine(string.Format(Invariant, "| client managed heap before | {0:0.0} MB |", before / 1e6));
        Console.WriteLine(string.Format(Invariant, "| growth, live objects (full collection every 0.5 s), peak | {0:0.0} MB |", (peakLive - before) / 1e6));
        Console.WriteLine(string.Format(Invariant, "| growth, heap with garbage not yet collected (every 10 ms), peak | {0:0.0} MB |", (peak - before) / 1e6));
    }

    // Cancelled requests of the run before may still be in flight at the server; the gateway counts them.
    private static async Task Settle(EmulatorProcess emulator)
    {
        await Task.Delay(300);
        await emulator.ClearAsync();
    }

    private static async Task<double> Time(Func<Task> work)
    {
        var watch = Stopwatch.StartNew();
        await work();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
            throw new InvalidOperationException("benchmark check failed: " + what);
    }

    private static void CheckExact(ListingRun run, List<long> expected, string what)
    {
        Check(run.Errors == 0, what + " wrote error records");
        Check(run.Keys.SequenceEqual(expected), what + " did not list every item once, in order");
    }

    private sealed class Measures
    {
        private readonly Dictionary<string, List<double>> _values = new(StringComparer.Ordinal);

        public void Add(bool counted, string name, double value)
        {
            if (!counted)
                return;
            if (!_values.TryGetValue(name, out var list))
                _values[name] = list = new List<double>();
            list.Add(value);
        }

        public double Median(string name)
        {
            var sorted = _values[name].OrderBy(v => v).ToList();
            return sorted[sorted.Count / 2];
        }

        public double Max(string name) => _values[name].Max();
    }
}

/// <summary>The parts of the listing benchmark, for <c>--sections</c>.</summary>
internal enum ListingSection
{
    Latency,
    Gateway,
    EarlyStops,
    Throughput,
    Large,
}

/// <summary>Options of the listing benchmark (<c>--listings</c>).</summary>
internal sealed record ListingOptions(int[] PageCounts, int PageSize, int LatencyMs, int Runs, int RetryAfter, int Large, ListingSection[] Sections)
{
    /// <summary>True when <paramref name="section"/> is to run (all run unless <c>--sections</c> names some).</summary>
    public bool Includes(ListingSection section) => Sections.Contains(section);

    public static ListingOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        int Get(string name, int fallback) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        var pages = (Value("--page-counts") ?? "20,50,200").Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        var sections = Value("--sections") is { } names
            ? names.Split(',').Select(n => Enum.Parse<ListingSection>(n, ignoreCase: true)).ToArray()
            : Enum.GetValues<ListingSection>();
        return new ListingOptions(pages, Get("--page-size", 100), Get("--latency-ms", 100), Get("--runs", 5), Get("--retry-after", 1), Get("--large", 1_000_000), sections);
    }
}
