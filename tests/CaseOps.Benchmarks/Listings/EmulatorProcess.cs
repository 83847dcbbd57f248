using System.Diagnostics;
using Newtonsoft.Json.Linq;

namespace CaseOps.Benchmarks.Listings;

/// <summary>
/// The emulator in a process of its own, so the benchmark's heap and threads are the client's alone.
/// Started with the stand-alone command line; stopped by closing its stdin. Its diagnostics endpoint
/// (docs/architecture.md, "The emulator") says what reached the server.
/// </summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private const string ListeningPrefix = "CaseOps sandbox listening on ";
    private readonly Process _process;
    private readonly HttpClient _diagnostics;

    private EmulatorProcess(Process process, Uri baseUri)
    {
        _process = process;
        BaseUri = baseUri;
        _diagnostics = new HttpClient { BaseAddress = baseUri };
    }

    public Uri BaseUri { get; }

    public Uri ZammadUri => new(BaseUri, "/zammad/api/v1/");

    public string ClientId => "caseops-demo";

    public string ClientSecret => "caseops-demo-secret";

    public string ZammadToken => "caseops-demo-zammad-token";

    /// <summary>Starts the emulator with the given options (see its --help) and waits until it listens.</summary>
    public static async Task<EmulatorProcess> StartAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CaseOps.Sandbox.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        var process = Process.Start(start) ?? throw new InvalidOperationException("the emulator did not start");
        var errors = process.StandardError.ReadToEndAsync();
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(5))) is not null && !line.StartsWith(ListeningPrefix, StringComparison.Ordinal))
        {
        }
        if (line is null)
            throw new InvalidOperationException("the emulator stopped before it listened: " + await errors);

        // Drain the rest so a full pipe never blocks the emulator.
        _ = process.StandardOutput.ReadToEndAsync();
        return new EmulatorProcess(process, new Uri(line[ListeningPrefix.Length..].Trim() + "/"));
    }

    /// <summary>What reached the server since the last <see cref="ClearAsync"/>.</summary>
    public async Task<ServerCounts> CountsAsync()
    {
        var json = JObject.Parse(await _diagnostics.GetStringAsync("_sandbox/requests"));
        var requests = json["requests"]!.Select(r => new ServerRequest((string)r["method"]!, (string)r["path"]!, (string)r["query"]!, (int)r["status"]!)).ToList();
        return new ServerCounts((int)json["peakInFlight"]!, (int)json["rejected"]!, requests);
    }

    /// <summary>Forgets the requests and the gateway's counts (not its limits).</summary>
    public async Task ClearAsync()
    {
        using var answer = await _diagnostics.DeleteAsync("_sandbox/requests");
        answer.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        _diagnostics.Dispose();
        try
        {
            _process.StandardInput.Close();
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}

/// <summary>One request as the server saw it; status 499: the client gave up on it.</summary>
internal sealed record ServerRequest(string Method, string Path, string Query, int Status);

/// <summary>The emulator's request log and gateway counts.</summary>
internal sealed record ServerCounts(int PeakInFlight, int Rejected, IReadOnlyList<ServerRequest> Requests)
{
    public int Count(string pathEnd) => Requests.Count(r => r.Path.EndsWith(pathEnd, StringComparison.Ordinal));

    public int Count(string pathEnd, int status) => Requests.Count(r => r.Path.EndsWith(pathEnd, StringComparison.Ordinal) && r.Status == status);
}
