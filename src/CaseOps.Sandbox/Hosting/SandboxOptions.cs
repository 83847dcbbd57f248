namespace CaseOps.Sandbox;

/// <summary>
/// Start-up settings of the emulator. Read once by <see cref="SandboxHost.StartAsync"/>; change
/// faults and token lifetime at run time through <see cref="SandboxHost.Faults"/> and
/// <see cref="SandboxHost.Tokens"/> instead.
/// </summary>
public sealed class SandboxOptions
{
    /// <summary>Number of cases seeded at start.</summary>
    public int CaseCount { get; set; } = 50;

    /// <summary>Seed for users and cases (and for random faults unless <see cref="FaultSeed"/> is set).</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Accepted API client id.</summary>
    public string ClientId { get; set; } = "caseops-demo";

    /// <summary>Accepted API client secret.</summary>
    public string ClientSecret { get; set; } = "caseops-demo-secret";

    /// <summary>Tenant UID put into tokens.</summary>
    public string TenantUid { get; set; } = "1007759454961904673";

    /// <summary>Lifetime of issued tokens.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(900);

    /// <summary><see cref="TokenLifetime"/> in whole seconds (the unit of <c>--token-lifetime</c>).</summary>
    public int TokenLifetimeSeconds
    {
        get => (int)TokenLifetime.TotalSeconds;
        set => TokenLifetime = TimeSpan.FromSeconds(value);
    }

    /// <summary>Kestrel URL(s), <c>;</c>-separated; port 0 picks a free port.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:0";

    /// <summary>
    /// Seeded cases are created within the year before this instant. Null: midnight UTC of today,
    /// so the same seed gives the same data all day.
    /// </summary>
    public DateTime? SeedAnchorUtc { get; set; }

    /// <summary>Initial <see cref="Faults.FaultSettings.Latency"/>.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary><see cref="Latency"/> in whole milliseconds (the unit of <c>--latency-ms</c>).</summary>
    public int LatencyMilliseconds
    {
        get => (int)Latency.TotalMilliseconds;
        set => Latency = TimeSpan.FromMilliseconds(value);
    }

    /// <summary>Initial <see cref="Faults.FaultSettings.TooManyRequestsRate"/>.</summary>
    public double TooManyRequestsRate { get; set; }

    /// <summary>Initial <see cref="Faults.FaultSettings.RetryAfterSeconds"/>.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Initial <see cref="Faults.FaultSettings.ServerErrorRate"/>.</summary>
    public double ServerErrorRate { get; set; }

    /// <summary>Initial <see cref="Faults.FaultSettings.ServerErrorStatus"/>.</summary>
    public int ServerErrorStatus { get; set; } = 503;

    /// <summary>Initial <see cref="Faults.FaultSettings.FaultTokenEndpoint"/>.</summary>
    public bool FaultTokenEndpoint { get; set; }

    /// <summary>Seed of the fault dice; null uses <see cref="Seed"/>.</summary>
    public int? FaultSeed { get; set; }

    /// <summary>Number of file events in the tenant's pool (ids valid for adding to cases).</summary>
    public int FileEventCount { get; set; } = 2000;

    /// <summary>Length in bytes of every captured source file download; change single events at run time with <see cref="Incydr.FileEvents.FileEventStore.SetSourceSize"/>.</summary>
    public long SourceFileSize { get; set; } = 65536;

    /// <summary>Initial <see cref="Faults.FaultSettings.DropNextDownloads"/> count (0: no drops).</summary>
    public int DropDownloads { get; set; }

    /// <summary>Initial <see cref="Faults.FaultSettings.DropNextDownloads"/> byte limit: body bytes sent before the connection is cut.</summary>
    public long DropAfterBytes { get; set; }

    /// <summary>Initial <see cref="Faults.GatewayLimits.MaxInFlightPerClient"/> (0: no limit); its 429s carry <see cref="RetryAfterSeconds"/>.</summary>
    public int MaxInFlightPerClient { get; set; }

    /// <summary>Initial <see cref="Faults.GatewayLimits.RequestsPerSecond"/> (0: no limit).</summary>
    public int RequestsPerSecond { get; set; }

    /// <summary>Number of Zammad tickets seeded at start.</summary>
    public int TicketCount { get; set; } = 60;

    /// <summary>Zammad API token of the admin user (<c>admin</c>, id 2: may impersonate, delete tickets, administer tags).</summary>
    public string ZammadToken { get; set; } = "caseops-demo-zammad-token";

    /// <summary>Zammad API token of <c>agent.smith</c>, an agent without admin rights.</summary>
    public string ZammadAgentToken { get; set; } = "caseops-demo-agent-token";

    /// <summary>Zammad Basic-auth login of the admin (its email <c>admin@example.com</c> works too).</summary>
    public string ZammadLogin { get; set; } = "admin";

    /// <summary>Zammad Basic-auth password of the admin.</summary>
    public string ZammadPassword { get; set; } = "caseops-demo-password";

    /// <summary>Custom ticket attributes the emulated Zammad knows; other unknown keys in ticket bodies are dropped.</summary>
    public IReadOnlyList<string> ZammadCustomFields { get; set; } = ["incident_ref", "risk_score", "department"];

    /// <summary>Throws when a value is out of range; the exception's parameter name is the property's.</summary>
    public void Validate()
    {
        ValidateFaults();
        ArgumentOutOfRangeException.ThrowIfNegative(CaseCount);
        ArgumentOutOfRangeException.ThrowIfNegative(TicketCount);
        ArgumentOutOfRangeException.ThrowIfNegative(FileEventCount);
        ArgumentOutOfRangeException.ThrowIfNegative(SourceFileSize);
        ArgumentOutOfRangeException.ThrowIfNegative(DropDownloads);
        ArgumentOutOfRangeException.ThrowIfNegative(DropAfterBytes);
        ArgumentException.ThrowIfNullOrEmpty(ZammadToken);
        ArgumentException.ThrowIfNullOrEmpty(ZammadAgentToken);
        ArgumentException.ThrowIfNullOrEmpty(ZammadLogin);
        ArgumentException.ThrowIfNullOrEmpty(ZammadPassword);
        ArgumentNullException.ThrowIfNull(ZammadCustomFields);
        if (string.Equals(ZammadToken, ZammadAgentToken, StringComparison.Ordinal))
        {
            throw new ArgumentException("ZammadToken and ZammadAgentToken must differ.", nameof(ZammadAgentToken));
        }
        ArgumentException.ThrowIfNullOrEmpty(ClientId);
        ArgumentException.ThrowIfNullOrEmpty(ClientSecret);
        ArgumentException.ThrowIfNullOrEmpty(Urls);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TokenLifetime, TimeSpan.Zero);
        if (string.IsNullOrEmpty(TenantUid) || !TenantUid.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("TenantUid must be a string of digits.", nameof(TenantUid));
        }
    }

    // The same ranges FaultSettings enforces at run time, checked up front so a bad start-up value
    // names its option (docs/architecture.md, "The emulator").
    private void ValidateFaults()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Latency, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(RetryAfterSeconds);
        ArgumentOutOfRangeException.ThrowIfNegative(TooManyRequestsRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(TooManyRequestsRate, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(ServerErrorRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ServerErrorRate, 1);
        if (TooManyRequestsRate + ServerErrorRate > 1)
        {
            throw new ArgumentException("TooManyRequestsRate plus ServerErrorRate must not exceed 1.", nameof(ServerErrorRate));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(MaxInFlightPerClient);
        ArgumentOutOfRangeException.ThrowIfNegative(RequestsPerSecond);
        ArgumentOutOfRangeException.ThrowIfLessThan(ServerErrorStatus, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ServerErrorStatus, 599);
    }
}
