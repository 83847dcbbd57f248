using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;
using Microsoft.PowerShell.Commands;

namespace CaseOps.Benchmarks.Listings;

/// <summary>A hosted runspace with the staged module, connected to one emulator: how an admin's console runs the cmdlets.</summary>
internal sealed class CmdletSession : IDisposable
{
    private readonly Runspace _runspace;
    private readonly EmulatorProcess _emulator;

    public CmdletSession(EmulatorProcess emulator)
    {
        _emulator = emulator;
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "CaseOps.slnx")))
            root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar))!;
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(Path.Combine(root, "artifacts", "module", "CaseOps", "CaseOps.psd1"));

        // The hosting package brings only the core cmdlets; Select-Object -First is what users stop a listing with.
        state.Commands.Add(new SessionStateCmdletEntry("Select-Object", typeof(SelectObjectCommand), null));
        _runspace = RunspaceFactory.CreateRunspace(state);
        _runspace.Open();
    }

    /// <summary>A new Incydr connection (its own limiter, nothing learned yet).</summary>
    public object ConnectIncydr(int? maxConcurrency = null)
    {
        var secret = new SecureString();
        foreach (var c in _emulator.ClientSecret)
            secret.AppendChar(c);
        return Connect("Connect-Incydr", maxConcurrency, ("Uri", _emulator.BaseUri.ToString()), ("Credential", new PSCredential(_emulator.ClientId, secret)));
    }

    /// <summary>A new Zammad connection (its own limiter, nothing learned yet).</summary>
    public object ConnectZammad(int? maxConcurrency = null)
    {
        var token = new SecureString();
        foreach (var c in _emulator.ZammadToken)
            token.AppendChar(c);
        return Connect("Connect-Zammad", maxConcurrency, ("Uri", _emulator.ZammadUri.ToString()), ("Token", token));
    }

    private object Connect(string command, int? maxConcurrency, params (string Name, object Value)[] parameters)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddCommand(command);
        foreach (var (name, value) in parameters)
            ps.AddParameter(name, value);
        if (maxConcurrency is { } max)
            ps.AddParameter("MaxConcurrency", max);
        var output = ps.Invoke();
        if (ps.HadErrors)
            throw new InvalidOperationException(ps.Streams.Error[0].ToString());
        return output.Single().BaseObject;
    }

    /// <summary>Runs one listing command; times the first object and the whole; keys of what came out.</summary>
    public ListingRun List(string command, object connection, int pageSize, Func<object, long> key, string? selectFirst = null, int? first = null)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddCommand(command).AddParameter("Connection", connection).AddParameter("PageSize", pageSize);
        if (first is { } count)
            ps.AddParameter("First", count);
        if (selectFirst is not null)
            ps.AddCommand("Select-Object").AddParameter("First", int.Parse(selectFirst, System.Globalization.CultureInfo.InvariantCulture));
        var output = new PSDataCollection<PSObject>();
        var watch = Stopwatch.StartNew();
        double firstObject = -1;
        output.DataAdded += (_, _) =>
        {
            if (firstObject < 0)
                firstObject = watch.Elapsed.TotalMilliseconds;
        };
        ps.Invoke(null, output);
        var total = watch.Elapsed.TotalMilliseconds;
        return new ListingRun(firstObject, total, output.Select(o => key(o.BaseObject)).ToList(), ps.Streams.Error.Count);
    }

    /// <summary>Runs a script with the connection as $c and returns its output (for the long listing that must not be kept).</summary>
    public IList<PSObject> Run(string script, object connection)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script).AddArgument(connection);
        var output = ps.Invoke();
        if (ps.HadErrors)
            throw new InvalidOperationException(ps.Streams.Error[0].ToString());
        return output;
    }

    public void Dispose() => _runspace.Dispose();
}

/// <summary>One listing: ms to the first object, ms in all, the keys in the order they came, error records.</summary>
internal sealed record ListingRun(double FirstMs, double TotalMs, List<long> Keys, int Errors)
{
    /// <summary>Items lost or repeated against the expected keys 1..count in order; 0 when exact.</summary>
    public int Wrong(IReadOnlyList<long> expected)
    {
        if (Keys.SequenceEqual(expected))
            return 0;
        var got = Keys.ToHashSet();
        return expected.Count(k => !got.Contains(k)) + (Keys.Count - got.Count);
    }
}
