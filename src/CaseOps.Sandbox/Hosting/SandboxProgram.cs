using CaseOps.Sandbox.Zammad;

namespace CaseOps.Sandbox.Hosting;

/// <summary>The stand-alone run: read the command line, start, print the banner, wait for a stop signal.</summary>
public static class SandboxProgram
{
    /// <summary>Runs the emulator; returns the process exit code (0 ok, 2 bad command line).</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="output">Where the banner goes (stdout; flushed after writing).</param>
    /// <param name="error">Where usage errors go.</param>
    /// <param name="stdin">Input whose end stops the run, or null to ignore stdin.</param>
    /// <param name="ct">Stops the run when cancelled.</param>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, TextReader? stdin, CancellationToken ct)
    {
        var parsed = SandboxCommandLine.Parse(args);
        if (parsed.ShowHelp)
        {
            await output.WriteAsync(SandboxCommandLine.Usage).ConfigureAwait(false);
            await output.FlushAsync(ct).ConfigureAwait(false);
            return 0;
        }

        if (parsed.Options is not { } options)
        {
            await error.WriteLineAsync(parsed.Error).ConfigureAwait(false);
            await error.WriteLineAsync("Run with --help for usage.").ConfigureAwait(false);
            await error.FlushAsync(ct).ConfigureAwait(false);
            return 2;
        }

        await using var host = await SandboxHost.StartAsync(options, ct).ConfigureAwait(false);
        var baseUrl = host.IncydrBaseUri.GetLeftPart(UriPartial.Authority);

        // Parsers key on these exact lines (the first one especially); keep them stable.
        await output.WriteLineAsync($"CaseOps sandbox listening on {baseUrl}").ConfigureAwait(false);
        await output.WriteLineAsync($"Incydr: {baseUrl}").ConfigureAwait(false);
        await output.WriteLineAsync($"Incydr client id: {options.ClientId}").ConfigureAwait(false);
        await output.WriteLineAsync($"Incydr client secret: {options.ClientSecret}").ConfigureAwait(false);
        await output.WriteLineAsync($"Zammad: {baseUrl}{ZammadApi.BasePath}").ConfigureAwait(false);
        await output.WriteLineAsync($"Zammad token: {options.ZammadToken}").ConfigureAwait(false);
        await output.FlushAsync(ct).ConfigureAwait(false);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (stdin is not null && !parsed.IgnoreStdin)
        {
            StdinWatcher.Start(stdin, stop);
        }

        await host.WaitForShutdownAsync(stop.Token).ConfigureAwait(false);
        return 0;
    }
}
