using CaseOps.Sandbox.Diagnostics;
using CaseOps.Sandbox.Faults;
using CaseOps.Sandbox.Hosting;
using CaseOps.Sandbox.Incydr;
using CaseOps.Sandbox.Incydr.FileEvents;
using CaseOps.Sandbox.Zammad;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging.Console;

namespace CaseOps.Sandbox;

/// <summary>
/// A running emulator: Kestrel on a real port plus the in-memory state tests can inspect and steer.
/// Start with <see cref="StartAsync"/>, stop by disposing.
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly IncydrApi incydr;
    private int disposed;

    private SandboxHost(WebApplication app, SandboxOptions options, FaultSettings faults, GatewayLimits gateway, RequestLog requests, IncydrApi incydr, ZammadApi zammad, Uri baseUri)
    {
        this.app = app;
        this.incydr = incydr;
        Zammad = zammad;
        ZammadBaseUri = new Uri(baseUri, ZammadApi.BasePath + "/");
        Options = options;
        Faults = faults;
        Gateway = gateway;
        Requests = requests;
        IncydrBaseUri = baseUri;
    }

    /// <summary>Base URL of the Incydr API, with the real bound port, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri IncydrBaseUri { get; }

    /// <summary>Base URL of the Zammad API, with trailing slash, e.g. <c>http://127.0.0.1:54321/zammad/api/v1/</c>.</summary>
    public Uri ZammadBaseUri { get; }

    /// <summary>The emulated Zammad: its stores (tickets, tags, links, history, users, lookups) and the search style knob.</summary>
    public ZammadApi Zammad { get; }

    /// <summary>The options the host was started with.</summary>
    public SandboxOptions Options { get; }

    /// <summary>Fault knobs, changeable at run time.</summary>
    public FaultSettings Faults { get; }

    /// <summary>Gateway limits (requests in flight per client, requests per second) and the most in flight seen, changeable at run time.</summary>
    public GatewayLimits Gateway { get; }

    /// <summary>Every request received.</summary>
    public RequestLog Requests { get; }

    /// <summary>Token table (ExpireAll, Lifetime).</summary>
    public TokenIssuer Tokens => incydr.Tokens;

    /// <summary>Case table.</summary>
    public CaseStore Cases => incydr.Cases;

    /// <summary>
    /// The tenant's file events: pool ids, events on each case, source-file sizes and content
    /// (PoolIds, EventsOf, HasSourceFile, FileNameOf, SetSourceSize, SourceBytes, Attach).
    /// </summary>
    public FileEventStore FileEvents => incydr.FileEvents;

    /// <summary>Seeded people, valid as subject or assignee.</summary>
    public IReadOnlyList<SandboxUser> Users => incydr.Users.People;

    /// <summary>The user the API client acts as (creator / last modifier of API-made changes).</summary>
    public SandboxUser ApiUser => incydr.Users.ApiUser;

    /// <summary>Seeds the data, binds Kestrel and starts serving.</summary>
    public static async Task<SandboxHost> StartAsync(SandboxOptions? options = null, CancellationToken ct = default)
    {
        options ??= new SandboxOptions();
        options.Validate();

        var faults = new FaultSettings(options.FaultSeed ?? options.Seed)
        {
            Latency = options.Latency,
            TooManyRequestsRate = options.TooManyRequestsRate,
            RetryAfterSeconds = options.RetryAfterSeconds,
            ServerErrorRate = options.ServerErrorRate,
            ServerErrorStatus = options.ServerErrorStatus,
            FaultTokenEndpoint = options.FaultTokenEndpoint,
        };
        faults.DropNextDownloads(options.DropDownloads, options.DropAfterBytes);
        var gateway = new GatewayLimits
        {
            MaxInFlightPerClient = options.MaxInFlightPerClient,
            RequestsPerSecond = options.RequestsPerSecond,
            RetryAfterSeconds = options.RetryAfterSeconds,
        };
        var requests = new RequestLog();
        var anchor = options.SeedAnchorUtc ?? DateTime.UtcNow.Date;
        var incydr = new IncydrApi(options, DateTime.SpecifyKind(anchor, DateTimeKind.Utc));
        var zammad = new ZammadApi(options, DateTime.SpecifyKind(anchor, DateTimeKind.Utc));

        var app = Build(options);
        SandboxPipeline.Configure(app, requests, faults, gateway, incydr, zammad);
        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            incydr.Dispose();
            throw;
        }

        return new SandboxHost(app, options, faults, gateway, requests, incydr, zammad, BoundAddress(app));
    }

    /// <summary>Completes when the host stops (Ctrl+C, SIGTERM, <see cref="StopAsync"/>) or when <paramref name="ct"/> fires, which also stops it.</summary>
    public Task WaitForShutdownAsync(CancellationToken ct = default) => app.WaitForShutdownAsync(ct);

    /// <summary>Stops serving (in-flight requests get a few seconds to finish).</summary>
    public Task StopAsync(CancellationToken ct = default) => app.StopAsync(ct);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await app.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
            incydr.Dispose();
        }
    }

    private static WebApplication Build(SandboxOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            EnvironmentName = Environments.Production,
            ApplicationName = typeof(SandboxHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));

        // Warnings only, and on stderr: stdout belongs to the start-up banner parsers read.
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        return builder.Build();
    }

    private static Uri BoundAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var first = addresses.FirstOrDefault() ?? throw new InvalidOperationException("Kestrel reported no bound address.");
        return new Uri(first);
    }
}
