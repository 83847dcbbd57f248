using Microsoft.Extensions.Configuration;

namespace CaseOps.Sandbox.Hosting;

/// <summary>
/// The stand-alone command line, read by the configuration system's command-line provider: each
/// option is a switch mapping onto a <see cref="SandboxOptions"/> property, the binder converts the
/// values and <see cref="SandboxOptions.Validate"/> checks their ranges. <c>--name value</c> and
/// <c>--name=value</c> both work.
/// </summary>
/// <param name="Options">Options when the command line was good and no help was asked for.</param>
/// <param name="ShowHelp">True for <c>--help</c>/<c>-h</c>/<c>-?</c>.</param>
/// <param name="IgnoreStdin">True for <c>--ignore-stdin</c>: do not stop when stdin closes.</param>
/// <param name="Error">Message for a bad command line.</param>
public sealed record SandboxCommandLine(SandboxOptions? Options, bool ShowHelp, bool IgnoreStdin, string? Error)
{
    /// <summary>URL used when <c>--urls</c> is not given.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5100";

    private const string IgnoreStdinKey = "IgnoreStdin";

    // Option spelling -> configuration key (the SandboxOptions property it binds to).
    private static readonly Dictionary<string, string> Switches = new(StringComparer.Ordinal)
    {
        ["--urls"] = nameof(SandboxOptions.Urls),
        ["--cases"] = nameof(SandboxOptions.CaseCount),
        ["--tickets"] = nameof(SandboxOptions.TicketCount),
        ["--file-events"] = nameof(SandboxOptions.FileEventCount),
        ["--source-size"] = nameof(SandboxOptions.SourceFileSize),
        ["--seed"] = nameof(SandboxOptions.Seed),
        ["--latency-ms"] = nameof(SandboxOptions.LatencyMilliseconds),
        ["--rate-429"] = nameof(SandboxOptions.TooManyRequestsRate),
        ["--retry-after"] = nameof(SandboxOptions.RetryAfterSeconds),
        ["--rate-5xx"] = nameof(SandboxOptions.ServerErrorRate),
        ["--status-5xx"] = nameof(SandboxOptions.ServerErrorStatus),
        ["--fault-seed"] = nameof(SandboxOptions.FaultSeed),
        ["--fault-token"] = nameof(SandboxOptions.FaultTokenEndpoint),
        ["--max-in-flight"] = nameof(SandboxOptions.MaxInFlightPerClient),
        ["--requests-per-second"] = nameof(SandboxOptions.RequestsPerSecond),
        ["--drop-downloads"] = nameof(SandboxOptions.DropDownloads),
        ["--drop-after"] = nameof(SandboxOptions.DropAfterBytes),
        ["--token-lifetime"] = nameof(SandboxOptions.TokenLifetimeSeconds),
        ["--client-id"] = nameof(SandboxOptions.ClientId),
        ["--client-secret"] = nameof(SandboxOptions.ClientSecret),
        ["--zammad-token"] = nameof(SandboxOptions.ZammadToken),
        ["--ignore-stdin"] = IgnoreStdinKey,
    };

    // Switches that take no value.
    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "--fault-token", "--ignore-stdin" };

    private static readonly HashSet<string> HelpSwitches = new(StringComparer.Ordinal) { "-h", "--help", "-?", "/?" };

    /// <summary>Usage text for <c>--help</c>.</summary>
    public const string Usage =
        """
        CaseOps sandbox: local emulator of the Incydr cases API and the Zammad tickets API.

        Usage: CaseOps.Sandbox [options]

          --urls <url>              Listen address; port 0 picks a free port (default http://127.0.0.1:5100)
          --cases <n>               Seeded case count (default 50)
          --tickets <n>             Seeded Zammad ticket count (default 60)
          --file-events <n>         File events in the Incydr tenant's pool (default 2000)
          --source-size <bytes>     Length of every captured source file download (default 65536)
          --seed <n>                Seed for users, cases and fault dice (default 42)
          --latency-ms <ms>         Delay added to every API request (default 0)
          --rate-429 <0..1>         Share of API requests answered 429 (default 0)
          --retry-after <s>         Retry-After seconds on 429 answers (default 1)
          --max-in-flight <n>       Gateway: requests one client may have in flight, beyond it 429 (default 0: no limit)
          --requests-per-second <n> Gateway: requests one client may start per second, beyond it 429 (default 0: no limit)
          --rate-5xx <0..1>         Share of API requests answered with a server error (default 0)
          --status-5xx <code>       Status of those server errors (default 503)
          --fault-seed <n>          Separate seed for the fault dice (default: --seed)
          --fault-token             Apply faults to the token endpoint too
          --drop-downloads <n>      Cut the next n downloads (PDF, ZIP, CSV, source file) mid-body (default 0)
          --drop-after <bytes>      Body bytes sent before such a cut (default 0: headers only)
          --token-lifetime <s>      Token lifetime in seconds (default 900)
          --client-id <id>          Accepted client id (default caseops-demo)
          --client-secret <secret>  Accepted client secret (default caseops-demo-secret)
          --zammad-token <token>    Accepted Zammad admin API token (default caseops-demo-zammad-token)
          --ignore-stdin            Keep running when stdin closes
          -h, --help                Show this text

        Runs until Ctrl+C, SIGTERM, or (when stdin is a pipe) until stdin closes.

        """;

    /// <summary>Reads the arguments into options, a help request or an error.</summary>
    public static SandboxCommandLine Parse(IReadOnlyList<string> args)
    {
        var (arguments, help, error) = Normalize(args);
        if (help || error is not null)
        {
            return new SandboxCommandLine(null, help, false, error);
        }

        var configuration = new ConfigurationBuilder().AddCommandLine([.. arguments], Switches).Build();
        var options = new SandboxOptions { Urls = DefaultUrls };
        bool ignoreStdin;
        try
        {
            configuration.Bind(options);
            ignoreStdin = configuration.GetValue<bool>(IgnoreStdinKey);
        }
        catch (InvalidOperationException)
        {
            // The binder's message names the key, not the option: find the value that does not convert.
            var (option, key) = Switches.First(pair => !Converts(configuration, pair.Value));
            return Failed($"{option} expects {Expected(TypeOf(key))}, got '{configuration[key]}'.");
        }

        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            return Failed($"Bad value for {OptionOf(e.ParamName)}: {e.Message.Split('\n')[0]}");
        }

        return new SandboxCommandLine(options, false, ignoreStdin, null);
    }

    private static SandboxCommandLine Failed(string error) => new(null, false, false, error);

    // The provider is lenient where a command line should not be: an unknown switch becomes a key,
    // a switch without a value is dropped and a flag swallows the next argument as its value. So
    // every switch is checked against the table first and flags get an explicit "=true".
    private static (List<string> Arguments, bool Help, string? Error) Normalize(IReadOnlyList<string> args)
    {
        var arguments = new List<string>(args.Count);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i].Split('=', 2)[0];
            if (HelpSwitches.Contains(args[i]))
            {
                return (arguments, true, null);
            }

            if (!Switches.ContainsKey(name))
            {
                return (arguments, false, $"Unknown option '{args[i]}'.");
            }

            var inline = name.Length < args[i].Length;
            if (Flags.Contains(name))
            {
                arguments.Add(inline ? args[i] : name + "=true");
            }
            else if (inline)
            {
                arguments.Add(args[i]);
            }
            else if (i + 1 < args.Count)
            {
                arguments.Add(name);
                arguments.Add(args[++i]);
            }
            else
            {
                return (arguments, false, $"{name} needs a value.");
            }
        }

        return (arguments, false, null);
    }

    private static bool Converts(IConfiguration configuration, string key)
    {
        try
        {
            _ = configuration.GetValue(TypeOf(key), key);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static Type TypeOf(string key) =>
        key == IgnoreStdinKey ? typeof(bool) : typeof(SandboxOptions).GetProperty(key)!.PropertyType;

    private static string Expected(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(bool) => "true or false",
        var t when t == typeof(double) => "a number",
        _ => "an integer",
    };

    // Validation names the property; say it with the option's spelling.
    private static string OptionOf(string? property) =>
        Switches.FirstOrDefault(pair => pair.Value == property).Key
        ?? property switch
        {
            nameof(SandboxOptions.Latency) => "--latency-ms",
            nameof(SandboxOptions.TokenLifetime) => "--token-lifetime",
            _ => property ?? "An option",
        };
}
