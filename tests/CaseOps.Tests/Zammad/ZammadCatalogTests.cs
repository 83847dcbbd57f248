using System.Collections.Concurrent;
using System.Diagnostics;
using CaseOps.Connections;
using CaseOps.Http;
using CaseOps.Tests.Infrastructure;
using CaseOps.Zammad;
using Xunit;

namespace CaseOps.Tests.Zammad;

/// <summary>
/// The catalog one connection shares among its callers (docs/architecture.md, "Connections"): a caller's
/// cancellation or a failed load never decides for the others.
/// </summary>
public sealed class ZammadCatalogTests : IClassFixture<SandboxFixture>, IDisposable
{
    private const string GroupsPath = "/zammad/api/v1/groups";
    private readonly SandboxFixture _sandbox;
    private readonly ZammadConnection _connection;

    public ZammadCatalogTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
        // No retries: one injected 500 is one failed load.
        _connection = new ZammadConnection(new ApiClientOptions(sandbox.Host.ZammadBaseUri) { MaxRetries = 0 },
            ZammadCredential.FromToken(PowerShellSession.Secure(sandbox.Host.Options.ZammadToken)), null);
    }

    public void Dispose() => _connection.Dispose();

    private int GroupRequests => _sandbox.Host.Requests.Count("GET", GroupsPath);

    [Fact]
    public async Task A_cancelled_caller_leaves_the_shared_load_to_the_caller_still_waiting()
    {
        _sandbox.Host.Faults.Latency = TimeSpan.FromSeconds(2);
        var logA = new LinesLog();
        var logB = new LinesLog();
        using var callerA = new CancellationTokenSource();

        var a = _connection.Catalog.GetAsync(CatalogKind.Group, logA, callerA.Token);
        await WaitUntilAsync(() => GroupRequests == 1);
        var b = _connection.Catalog.GetAsync(CatalogKind.Group, logB, CancellationToken.None);
        callerA.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => a);
        Assert.False(b.IsCompleted); // A's wait ended at once, not with the delayed answer
        var groups = await b;

        Assert.Contains(groups, g => g.Name == "Users");
        Assert.Equal(1, GroupRequests); // B joined A's load instead of starting its own
        Assert.Contains(logB.Verbose, line => line.Contains("/groups", StringComparison.Ordinal));
        Assert.Empty(logA.Verbose); // the cancelled caller's log gets nothing after it left
    }

    [Fact]
    public async Task A_failed_load_is_not_kept_and_the_next_caller_loads_again()
    {
        _sandbox.Host.Faults.FailNext(1, 500);

        var failure = await Assert.ThrowsAsync<CaseOpsApiException>(() => _connection.Catalog.GetAsync(CatalogKind.Group, RequestLog.None, CancellationToken.None));
        var groups = await _connection.Catalog.GetAsync(CatalogKind.Group, RequestLog.None, CancellationToken.None);
        var again = await _connection.Catalog.GetAsync(CatalogKind.Group, RequestLog.None, CancellationToken.None);

        Assert.Equal(500, failure.StatusCode);
        Assert.Contains(groups, g => g.Name == "Users");
        Assert.Same(groups, again);
        Assert.Equal(2, GroupRequests); // the failed load, the one that worked, then the cache
    }

    [Fact]
    public async Task Every_caller_that_waited_for_the_load_gets_its_lines_and_a_cached_table_logs_nothing()
    {
        _sandbox.Host.Faults.Latency = TimeSpan.FromMilliseconds(500);
        var logA = new LinesLog();
        var logB = new LinesLog { IsDebugEnabled = true };
        var logC = new LinesLog();

        var a = _connection.Catalog.GetAsync(CatalogKind.State, logA, CancellationToken.None);
        var b = _connection.Catalog.GetAsync(CatalogKind.State, logB, CancellationToken.None);
        await Task.WhenAll(a, b);
        await _connection.Catalog.GetAsync(CatalogKind.State, logC, CancellationToken.None);

        Assert.Single(logA.Verbose, line => line.Contains("/ticket_states", StringComparison.Ordinal));
        Assert.Equal(logA.Verbose, logB.Verbose);
        Assert.Empty(logA.Debug); // bodies were recorded for B's -Debug, and only B shows them
        Assert.Contains(logB.Debug, line => line.StartsWith("Response body", StringComparison.Ordinal));
        Assert.Empty(logC.Verbose);
        Assert.Equal(1, _sandbox.Host.Requests.Count("GET", "/zammad/api/v1/ticket_states"));
    }

    [Fact]
    public async Task Closing_the_connection_cancels_the_load_and_a_closed_catalog_starts_none()
    {
        _sandbox.Host.Faults.Latency = TimeSpan.FromSeconds(5);
        var waiting = _connection.Catalog.GetAsync(CatalogKind.Priority, RequestLog.None, CancellationToken.None);
        await WaitUntilAsync(() => _sandbox.Host.Requests.Count("GET", "/zammad/api/v1/ticket_priorities") == 1);
        var watch = Stopwatch.StartNew();

        _connection.Dispose();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"the load ran on for {watch.Elapsed} after the connection was closed");
        await Assert.ThrowsAsync<ObjectDisposedException>(() => _connection.Catalog.GetAsync(CatalogKind.Priority, RequestLog.None, CancellationToken.None));
        // The emulator is done with the abandoned request (499) before the next test scripts its faults.
        await WaitUntilAsync(() => _sandbox.Host.Requests.Entries.All(e => e.StatusCode != 0));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "timed out waiting for the emulator");
            await Task.Delay(10);
        }
    }

    /// <summary>A caller's log: what reached it, per stream.</summary>
    private sealed class LinesLog : IRequestLog
    {
        private readonly ConcurrentQueue<string> _verbose = new();
        private readonly ConcurrentQueue<string> _debug = new();

        public bool IsDebugEnabled { get; init; }

        public IReadOnlyList<string> Verbose => _verbose.ToList();

        public IReadOnlyList<string> Debug => _debug.ToList();

        void IRequestLog.Verbose(string message) => _verbose.Enqueue(message);

        void IRequestLog.Debug(string message) => _debug.Enqueue(message);
    }
}
