using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using CaseOps.Sandbox;

namespace CaseOps.Tests.Infrastructure;

/// <summary>
/// A runspace with the staged module imported, the way a user's session has it. Scripts run with
/// their output, errors and verbose lines collected, and the arrival time of each output object.
/// </summary>
public sealed class PowerShellSession : IDisposable
{
    private static readonly InitialSessionState SessionState = CreateSessionState();
    private readonly Runspace _runspace;

    public PowerShellSession()
        : this(null)
    {
    }

    /// <summary>A session whose console output goes to <paramref name="host"/> (e.g. <see cref="PromptRecordingHost"/> for -WhatIf lines).</summary>
    public PowerShellSession(System.Management.Automation.Host.PSHost? host)
    {
        _runspace = host == null ? RunspaceFactory.CreateRunspace(SessionState) : RunspaceFactory.CreateRunspace(host, SessionState);
        _runspace.Open();
    }

    private static InitialSessionState CreateSessionState()
    {
        if (!File.Exists(RepoPaths.StagedManifest))
            throw new InvalidOperationException("The staged module is missing: build the solution first (" + RepoPaths.StagedManifest + ")");
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(RepoPaths.StagedManifest);
        state.Commands.Add(new SessionStateCmdletEntry("Limit-TestOutput", typeof(LimitTestOutputCommand), null));
        state.ThrowOnRunspaceOpenError = true;
        return state;
    }

    /// <summary>Connects this session's default Incydr connection to <paramref name="host"/>.</summary>
    public ScriptResult ConnectIncydr(SandboxHost host, string? secret = null) => Run(
        "param($uri, $credential) Connect-Incydr -Uri $uri -Credential $credential",
        new() { ["uri"] = host.IncydrBaseUri.ToString(), ["credential"] = Credential(host.Options.ClientId, secret ?? host.Options.ClientSecret) });

    /// <summary>Connects this session's default Zammad connection to <paramref name="host"/> with an API token.</summary>
    public ScriptResult ConnectZammad(SandboxHost host, string? token = null) => Run(
        "param($uri, $token) Connect-Zammad -Uri $uri -Token $token",
        new() { ["uri"] = host.ZammadBaseUri.ToString(), ["token"] = Secure(token ?? host.Options.ZammadToken) });

    /// <summary>A read-only SecureString (the hosted session has no ConvertTo-SecureString).</summary>
    public static System.Security.SecureString Secure(string text)
    {
        var secure = new System.Security.SecureString();
        foreach (var c in text)
            secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }

    /// <summary>The hosted session lacks ConvertTo-SecureString, so credentials are made here.</summary>
    public static PSCredential Credential(string user, string secret)
    {
        return new PSCredential(user, Secure(secret));
    }

    public ScriptResult Run(string script, Dictionary<string, object?>? parameters = null, Action<PowerShell>? whileRunning = null)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        if (parameters != null)
            foreach (var (name, value) in parameters)
                ps.AddParameter(name, value);

        var output = new PSDataCollection<PSObject>();
        var arrivals = new List<long>();
        output.DataAdded += (_, _) => { lock (arrivals) arrivals.Add(Stopwatch.GetTimestamp()); };
        Exception? terminating = null;
        try
        {
            var pending = ps.BeginInvoke<PSObject, PSObject>(null, output);
            whileRunning?.Invoke(ps);
            ps.EndInvoke(pending);
        }
        catch (RuntimeException ex)
        {
            terminating = ex;
        }
        return new ScriptResult(
            output.ToList(),
            ps.Streams.Error.ToList(),
            ps.Streams.Verbose.Select(v => v.Message).ToList(),
            ps.Streams.Debug.Select(d => d.Message).ToList(),
            ps.Streams.Progress.ToList(),
            ps.Streams.Warning.Select(w => w.Message).ToList(),
            arrivals,
            terminating);
    }

    public void Dispose() => _runspace.Dispose();
}

public sealed record ScriptResult(
    IReadOnlyList<PSObject> Output,
    IReadOnlyList<ErrorRecord> Errors,
    IReadOnlyList<string> Verbose,
    IReadOnlyList<string> Debug,
    IReadOnlyList<ProgressRecord> Progress,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<long> OutputArrivals,
    Exception? Terminating)
{
    public IReadOnlyList<T> Objects<T>() => Output.Select(o => o.BaseObject).OfType<T>().ToList();

    /// <summary>Fails with everything PowerShell reported when the script did not run cleanly.</summary>
    public ScriptResult AssertSuccess()
    {
        if (Terminating != null || Errors.Count > 0)
            throw new Xunit.Sdk.XunitException("Script failed: " + (Terminating?.ToString() ?? string.Join(Environment.NewLine, Errors.Select(e => e.FullyQualifiedErrorId + ": " + e))));
        return this;
    }

    public ErrorRecord TerminatingRecord =>
        (Terminating as IContainsErrorRecord)?.ErrorRecord ?? throw new Xunit.Sdk.XunitException("No terminating error; errors: " + string.Join("; ", Errors.Select(e => e.FullyQualifiedErrorId)));

    /// <summary>The error that stopped the script, else the first one written. Binding errors are written, not thrown, in a script.</summary>
    public ErrorRecord FirstError =>
        (Terminating as IContainsErrorRecord)?.ErrorRecord ?? Errors.FirstOrDefault() ?? throw new Xunit.Sdk.XunitException("The script reported no error.");
}
