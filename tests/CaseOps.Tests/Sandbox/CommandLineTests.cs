using System.Diagnostics;
using System.Net;
using CaseOps.Sandbox.Hosting;
using Xunit;

namespace CaseOps.Tests.Sandbox;

/// <summary>Stand-alone mode: argument parsing, the start-up banner, and stopping on cancel / stdin close.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public void Defaults_listen_on_port_5100_with_demo_credentials()
    {
        var result = SandboxCommandLine.Parse([]);

        Assert.Null(result.Error);
        Assert.Equal("http://127.0.0.1:5100", result.Options!.Urls);
        Assert.Equal(50, result.Options.CaseCount);
        Assert.Equal(42, result.Options.Seed);
        Assert.Equal("caseops-demo", result.Options.ClientId);
        Assert.Equal("caseops-demo-secret", result.Options.ClientSecret);
        Assert.Equal(TimeSpan.FromSeconds(900), result.Options.TokenLifetime);
        Assert.False(result.IgnoreStdin);
    }

    [Fact]
    public void Every_documented_option_is_parsed()
    {
        var result = SandboxCommandLine.Parse(
        [
            "--urls", "http://127.0.0.1:0", "--cases", "1000", "--seed", "7", "--latency-ms", "100", "--rate-429", "0.05",
            "--rate-5xx=0.1", "--retry-after", "2", "--token-lifetime", "60", "--status-5xx", "500", "--fault-seed", "9",
            "--fault-token", "--client-id", "id", "--client-secret", "secret", "--ignore-stdin",
        ]);

        Assert.Null(result.Error);
        var options = result.Options!;
        Assert.Equal("http://127.0.0.1:0", options.Urls);
        Assert.Equal(1000, options.CaseCount);
        Assert.Equal(7, options.Seed);
        Assert.Equal(TimeSpan.FromMilliseconds(100), options.Latency);
        Assert.Equal(0.05, options.TooManyRequestsRate);
        Assert.Equal(0.1, options.ServerErrorRate);
        Assert.Equal(2, options.RetryAfterSeconds);
        Assert.Equal(TimeSpan.FromSeconds(60), options.TokenLifetime);
        Assert.Equal(500, options.ServerErrorStatus);
        Assert.Equal(9, options.FaultSeed);
        Assert.True(options.FaultTokenEndpoint);
        Assert.Equal("id", options.ClientId);
        Assert.Equal("secret", options.ClientSecret);
        Assert.True(result.IgnoreStdin);
    }

    [Fact]
    public void Zammad_options_are_parsed()
    {
        var defaults = SandboxCommandLine.Parse([]).Options!;
        var result = SandboxCommandLine.Parse(["--tickets", "7", "--zammad-token=secret-token"]);

        Assert.Equal(60, defaults.TicketCount);
        Assert.Equal("caseops-demo-zammad-token", defaults.ZammadToken);
        Assert.Null(result.Error);
        Assert.Equal(7, result.Options!.TicketCount);
        Assert.Equal("secret-token", result.Options.ZammadToken);
        Assert.Contains("--tickets", SandboxCommandLine.Usage);
        Assert.Contains("--zammad-token", SandboxCommandLine.Usage);
    }

    [Theory]
    [InlineData("--cases", "-1")]
    [InlineData("--tickets", "-1")]
    [InlineData("--zammad-token", "")]
    [InlineData("--rate-429", "2")]
    [InlineData("--latency-ms", "soon")]
    [InlineData("--bogus")]
    [InlineData("--seed")]
    [InlineData("--token-lifetime", "0")]
    [InlineData("--status-5xx", "42")]
    [InlineData("--retry-after", "-1")]
    [InlineData("--rate-429", "0.6", "--rate-5xx", "0.6")]
    [InlineData("--fault-token=maybe")]
    [InlineData("--casecount", "5")]
    [InlineData("/cases", "5")]
    public void Bad_arguments_are_reported(params string[] args)
    {
        var result = SandboxCommandLine.Parse(args);

        Assert.Null(result.Options);
        Assert.False(string.IsNullOrEmpty(result.Error));
    }

    [Theory]
    [InlineData("--latency-ms=soon", "--latency-ms expects an integer, got 'soon'.")]
    [InlineData("--rate-429 2", "Bad value for --rate-429: ")]
    [InlineData("--cases -1", "Bad value for --cases: ")]
    [InlineData("--urls http://127.0.0.1:0 --seed", "--seed needs a value.")]
    [InlineData("--fault-token --CaseCount 5", "Unknown option '--CaseCount'.")]
    public void Errors_name_the_option(string commandLine, string expected)
    {
        var result = SandboxCommandLine.Parse(commandLine.Split(' '));

        Assert.Null(result.Options);
        Assert.StartsWith(expected, result.Error);
    }

    [Fact]
    public void A_flag_does_not_swallow_the_next_option()
    {
        var result = SandboxCommandLine.Parse(["--ignore-stdin", "--cases", "3", "--fault-token"]);

        Assert.Null(result.Error);
        Assert.True(result.IgnoreStdin);
        Assert.Equal(3, result.Options!.CaseCount);
        Assert.True(result.Options.FaultTokenEndpoint);
    }

    [Fact]
    public async Task Bad_value_exits_two_and_names_the_option()
    {
        var error = new StringWriter();

        var code = await SandboxProgram.RunAsync(["--cases", "many"], new StringWriter(), error, null, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Contains("--cases expects an integer, got 'many'.", error.ToString());
    }

    [Fact]
    public async Task Help_prints_usage_and_exits_zero()
    {
        var output = new StringWriter();

        var code = await SandboxProgram.RunAsync(["--help"], output, new StringWriter(), null, CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Contains("--rate-429", output.ToString());
        Assert.Contains("--token-lifetime", output.ToString());
    }

    [Fact]
    public async Task Bad_command_line_exits_two()
    {
        var error = new StringWriter();

        var code = await SandboxProgram.RunAsync(["--nope"], new StringWriter(), error, null, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Contains("--nope", error.ToString());
    }

    [Fact]
    public async Task Run_prints_the_banner_serves_and_stops_on_cancel()
    {
        var output = new LineSignallingWriter();
        using var stop = new CancellationTokenSource();

        var run = SandboxProgram.RunAsync(["--urls", "http://127.0.0.1:0", "--cases", "5"], output, new StringWriter(), null, stop.Token);
        var lines = await output.WaitForLinesAsync(6, TimeSpan.FromSeconds(30));

        Assert.Matches(@"^CaseOps sandbox listening on http://127\.0\.0\.1:\d+$", lines[0]);
        var url = lines[0]["CaseOps sandbox listening on ".Length..];
        Assert.NotEqual("http://127.0.0.1:0", url);
        Assert.Equal($"Incydr: {url}", lines[1]);
        Assert.Equal("Incydr client id: caseops-demo", lines[2]);
        Assert.Equal("Incydr client secret: caseops-demo-secret", lines[3]);
        Assert.Equal($"Zammad: {url}/zammad/api/v1", lines[4]);
        Assert.Equal("Zammad token: caseops-demo-zammad-token", lines[5]);
        using (var client = new HttpClient { BaseAddress = new Uri(url) })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/v1/cases")).StatusCode);
        }

        stop.Cancel();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Run_stops_when_stdin_ends()
    {
        var run = SandboxProgram.RunAsync(["--urls", "http://127.0.0.1:0", "--cases", "1"], new StringWriter(), new StringWriter(), new StringReader("ignored\n"), CancellationToken.None);

        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Separate_process_prints_banner_first_and_exits_when_its_stdin_closes()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "CaseOps.Sandbox.dll");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath ? hostPath : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--urls", "http://127.0.0.1:0", "--cases", "3" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        try
        {
            var first = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.NotNull(first);
            Assert.Matches(@"^CaseOps sandbox listening on http://127\.0\.0\.1:\d+$", first);
            var url = first!["CaseOps sandbox listening on ".Length..];
            using (var client = new HttpClient { BaseAddress = new Uri(url) })
            {
                Assert.Equal("text/plain", (await client.GetAsync("/v1/CASES_API-URL")).Content.Headers.ContentType!.MediaType);
            }

            process.StandardInput.Close();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>Collects written lines and lets a test await the first few.</summary>
    private sealed class LineSignallingWriter : StringWriter
    {
        private readonly SemaphoreSlim written = new(0);

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            written.Release();
        }

        public override Task WriteLineAsync(string? value)
        {
            WriteLine(value);
            return Task.CompletedTask;
        }

        public async Task<string[]> WaitForLinesAsync(int count, TimeSpan timeout)
        {
            for (var i = 0; i < count; i++)
            {
                Assert.True(await written.WaitAsync(timeout), "banner line missing");
            }

            return ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                written.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
