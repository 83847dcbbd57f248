using System.Management.Automation;
using Xunit;

namespace CaseOps.Tests.Infrastructure;

/// <summary>
/// Runs a command as users keep its output (<c>$r = @(... -ErrorAction SilentlyContinue)</c>) and
/// checks what a bad answer with status 200 left: the objects kept and the InvalidResponse record
/// (docs/architecture.md, "Errors").
/// </summary>
internal static class BadAnswers
{
    /// <summary>The objects <c>$r</c> kept and the errors of the command, which must not have stopped the statement.</summary>
    public static (IReadOnlyList<object> Kept, IReadOnlyList<ErrorRecord> Errors) Collect(PowerShellSession session, string command, Dictionary<string, object?>? parameters = null)
    {
        var result = session.Run(
            "param($a) $r = @(" + command + " -ErrorAction SilentlyContinue -ErrorVariable bad); [pscustomobject]@{ Kept = $r; Errors = @($bad) }",
            parameters);
        Assert.Null(result.Terminating);
        var collected = Assert.Single(result.Output);
        var kept = ((object[])collected.Properties["Kept"].Value).Select(o => o is PSObject ps ? ps.BaseObject : o).ToList();
        var errors = ((object[])collected.Properties["Errors"].Value).Select(o => o is PSObject ps ? ps.BaseObject : o).Cast<ErrorRecord>().ToList();
        return (kept, errors);
    }

    /// <summary>
    /// The one error is InvalidResponse (InvalidResult) from <paramref name="cmdlet"/>, and its
    /// message names the request, the member and the request id.
    /// </summary>
    public static string AssertInvalidResponse(IReadOnlyList<ErrorRecord> errors, string cmdlet, string request, string member, string? problem = null)
    {
        var error = Assert.Single(errors);
        Assert.Equal("InvalidResponse," + cmdlet, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        var message = error.ErrorDetails?.Message ?? error.Exception.Message;
        Assert.True(message.Contains(request, StringComparison.Ordinal), $"'{request}' not in: {message}");
        Assert.True(message.Contains("'" + member + "'", StringComparison.Ordinal), $"member '{member}' not in: {message}");
        Assert.True(problem == null || message.Contains(problem, StringComparison.Ordinal), $"'{problem}' not in: {message}");
        Assert.Matches("Request id: [0-9a-zA-Z-]+\\.", message);
        Assert.Equal(member, Assert.IsType<CaseOps.Http.CaseOpsApiException>(error.Exception).Member);
        return message;
    }
}
