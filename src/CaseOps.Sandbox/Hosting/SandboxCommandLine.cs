using System.Globalization;

namespace CaseOps.Sandbox.Hosting;

/// <summary>Command-line parsing for running the emulator alone. <c>--name value</c> and <c>--name=value</c> both work.</summary>
public static class SandboxCommandLine
{
    /// <summary>URL used when <c>--urls</c> is not given.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5100";

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

    /// <summary>Parses the arguments.</summary>
    public static CommandLineResult Parse(IReadOnlyList<string> args)
    {
        var options = new SandboxOptions { Urls = DefaultUrls };
        var ignoreStdin = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? inline = null;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                inline = arg[(equals + 1)..];
                arg = arg[..equals];
            }

            string Value()
            {
                if (inline is not null)
                {
                    return inline;
                }

                if (i + 1 >= args.Count)
                {
                    throw new FormatException($"{arg} needs a value.");
                }

                return args[++i];
            }

            try
            {
                switch (arg)
                {
                    case "-h" or "--help" or "-?" or "/?":
                        return new CommandLineResult(null, true, ignoreStdin, null);
                    case "--urls":
                        options.Urls = Value();
                        break;
                    case "--cases":
                        options.CaseCount = NonNegativeInt(arg, Value());
                        break;
                    case "--tickets":
                        options.TicketCount = NonNegativeInt(arg, Value());
                        break;
                    case "--file-events":
                        options.FileEventCount = NonNegativeInt(arg, Value());
                        break;
                    case "--source-size":
                        options.SourceFileSize = NonNegativeLong(arg, Value());
                        break;
                    case "--drop-downloads":
                        options.DropDownloads = NonNegativeInt(arg, Value());
                        break;
                    case "--drop-after":
                        options.DropAfterBytes = NonNegativeLong(arg, Value());
                        break;
                    case "--zammad-token":
                        options.ZammadToken = NonEmpty(arg, Value());
                        break;
                    case "--seed":
                        options.Seed = Int(arg, Value());
                        break;
                    case "--latency-ms":
                        options.Latency = TimeSpan.FromMilliseconds(NonNegativeInt(arg, Value()));
                        break;
                    case "--rate-429":
                        options.TooManyRequestsRate = Rate(arg, Value());
                        break;
                    case "--retry-after":
                        options.RetryAfterSeconds = NonNegativeInt(arg, Value());
                        break;
                    case "--rate-5xx":
                        options.ServerErrorRate = Rate(arg, Value());
                        break;
                    case "--status-5xx":
                        options.ServerErrorStatus = Status(arg, Value());
                        break;
                    case "--fault-seed":
                        options.FaultSeed = Int(arg, Value());
                        break;
                    case "--fault-token":
                        options.FaultTokenEndpoint = true;
                        break;
                    case "--token-lifetime":
                        options.TokenLifetime = TimeSpan.FromSeconds(PositiveInt(arg, Value()));
                        break;
                    case "--client-id":
                        options.ClientId = NonEmpty(arg, Value());
                        break;
                    case "--client-secret":
                        options.ClientSecret = NonEmpty(arg, Value());
                        break;
                    case "--ignore-stdin":
                        ignoreStdin = true;
                        break;
                    default:
                        return new CommandLineResult(null, false, ignoreStdin, $"Unknown option '{args[i]}'.");
                }
            }
            catch (FormatException e)
            {
                return new CommandLineResult(null, false, ignoreStdin, e.Message);
            }
        }

        if (options.TooManyRequestsRate + options.ServerErrorRate > 1)
        {
            return new CommandLineResult(null, false, ignoreStdin, "--rate-429 plus --rate-5xx must not exceed 1.");
        }

        return new CommandLineResult(options, false, ignoreStdin, null);
    }

    private static int Int(string name, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{name} expects an integer, got '{text}'.");

    private static int NonNegativeInt(string name, string text) =>
        Int(name, text) is var value and >= 0 ? value : throw new FormatException($"{name} must not be negative.");

    private static long NonNegativeLong(string name, string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{name} expects a non-negative integer, got '{text}'.");

    private static int PositiveInt(string name, string text) =>
        Int(name, text) is var value and > 0 ? value : throw new FormatException($"{name} must be positive.");

    private static int Status(string name, string text) =>
        Int(name, text) is var value and >= 100 and <= 599 ? value : throw new FormatException($"{name} must be an HTTP status code.");

    private static double Rate(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1
            ? value
            : throw new FormatException($"{name} expects a number from 0 to 1, got '{text}'.");

    private static string NonEmpty(string name, string text) =>
        text.Length > 0 ? text : throw new FormatException($"{name} must not be empty.");
}
