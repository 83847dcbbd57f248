using CaseOps.Sandbox.Faults;
using CaseOps.Sandbox.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CaseOps.Sandbox.Diagnostics;

/// <summary>
/// The emulator's own diagnostics under <c>/_sandbox</c>, so a client that runs the emulator as a
/// process (the benchmark) can read what in-process tests read from <see cref="SandboxHost"/>:
/// <c>GET /_sandbox/requests</c> answers the <see cref="RequestLog"/> and the gateway's
/// <see cref="GatewayLimits.PeakInFlight"/> and <see cref="GatewayLimits.Rejected"/>;
/// <c>DELETE /_sandbox/requests</c> clears the log and those counts (not the limits) and answers 204.
/// A test tool, never a path of the emulated APIs: it needs no authentication (the emulator listens
/// on loopback only), and its requests are not logged, not counted or refused by the gateway, and
/// never delayed or faulted, so reading the counts does not change them.
/// </summary>
public static class DiagnosticsRoutes
{
    /// <summary>Prefix of every diagnostics path.</summary>
    public static readonly PathString BasePath = new("/_sandbox");

    /// <summary>The request log and gateway counts, relative to <see cref="BasePath"/>.</summary>
    public static readonly PathString RequestsPath = new("/requests");

    /// <summary>
    /// Branches <see cref="BasePath"/> off the pipeline; call it before the request log, the gateway
    /// and the fault middleware so diagnostics requests never reach them.
    /// </summary>
    public static void Map(IApplicationBuilder app, RequestLog requests, GatewayLimits gateway)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(gateway);

        // A terminal branch: unknown diagnostics paths get 404 here rather than the APIs' fallback.
        app.Map(BasePath, branch => branch.Run(context => HandleAsync(context, requests, gateway)));
    }

    private static Task HandleAsync(HttpContext context, RequestLog requests, GatewayLimits gateway)
    {
        var request = context.Request;
        var response = context.Response;
        if (request.Path != RequestsPath)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        if (HttpMethods.IsGet(request.Method))
        {
            return response.WriteAsJsonAsync(Snapshot(requests, gateway), SandboxJson.Options, context.RequestAborted);
        }

        if (HttpMethods.IsDelete(request.Method))
        {
            requests.Clear();
            gateway.ResetCounts();
            response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        response.Headers[HeaderNames.Allow] = "GET, DELETE";
        return Task.CompletedTask;
    }

    private static RequestsSnapshot Snapshot(RequestLog requests, GatewayLimits gateway)
    {
        // One copy of the entries, and the total taken from it, so total always matches the list
        // even while API requests keep arriving.
        var entries = requests.Entries;
        return new RequestsSnapshot(
            entries.Count,
            gateway.PeakInFlight,
            gateway.Rejected,
            entries.Select(entry => new LoggedRequest(entry.Method, entry.Path, entry.QueryString, entry.StatusCode)).ToArray());
    }
}

/// <summary>Body of <c>GET /_sandbox/requests</c>.</summary>
/// <param name="Total">Entries in the request log (the length of <paramref name="Requests"/>).</param>
/// <param name="PeakInFlight">The gateway's <see cref="GatewayLimits.PeakInFlight"/>.</param>
/// <param name="Rejected">The gateway's <see cref="GatewayLimits.Rejected"/>.</param>
/// <param name="Requests">The logged requests in arrival order.</param>
internal sealed record RequestsSnapshot(int Total, int PeakInFlight, int Rejected, IReadOnlyList<LoggedRequest> Requests);

/// <summary>One request of <see cref="RequestsSnapshot.Requests"/>.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path without query.</param>
/// <param name="Query">Raw query string including the leading <c>?</c>, or empty.</param>
/// <param name="Status">Status sent; 0 while still running; 499 when the client went away first.</param>
internal sealed record LoggedRequest(string Method, string Path, string Query, int Status);
