namespace CaseOps.Sandbox.Hosting;

/// <summary>
/// Stops the emulator when its stdin closes, so a parent that reads the banner through pipes can
/// end it by closing them (or by dying). Only watches when stdin is a pipe: a terminal or
/// <c>/dev/null</c> (background jobs, services) would otherwise end the run at once or never.
/// </summary>
public static class StdinWatcher
{
    /// <summary>True when stdin looks like a pipe a parent process holds.</summary>
    public static bool StdinIsPipe()
    {
        if (!Console.IsInputRedirected)
        {
            return false;
        }

        if (OperatingSystem.IsLinux())
        {
            try
            {
                // "pipe:[1234]" or "socket:[1234]" for pipes; a path (e.g. /dev/null, a file) otherwise.
                var target = new FileInfo("/proc/self/fd/0").LinkTarget ?? string.Empty;
                return target.StartsWith("pipe:", StringComparison.Ordinal) || target.StartsWith("socket:", StringComparison.Ordinal);
            }
            catch (IOException)
            {
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads <paramref name="input"/> to its end on a background thread, then cancels <paramref name="stop"/>.</summary>
    public static void Start(TextReader input, CancellationTokenSource stop)
    {
        var thread = new Thread(() =>
        {
            try
            {
                while (input.ReadLine() is not null)
                {
                    // Input is ignored; only its end matters.
                }
            }
            catch (IOException)
            {
                // A broken pipe counts as closed.
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            try
            {
                stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The run already ended.
            }
        })
        {
            IsBackground = true,
            Name = "sandbox-stdin-watch",
        };
        thread.Start();
    }
}
