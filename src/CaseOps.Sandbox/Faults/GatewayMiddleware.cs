using System.Globalization;
using CaseOps.Sandbox.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CaseOps.Sandbox.Faults;

/// <summary>
/// Applies <see cref="GatewayLimits"/> to every request, token requests included, as a gateway in front
/// of both APIs would: a request over a limit is answered 429 with Retry-After in its API's error shape
/// and never reaches the API or the fault knobs.
/// </summary>
public sealed class GatewayMiddleware(RequestDelegate next, GatewayLimits limits)
{
    /// <summary>Middleware entry point.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (limits.Enter(client) is { } retryAfter)
        {
            context.Response.Headers[HeaderNames.RetryAfter] = retryAfter.ToString(CultureInfo.InvariantCulture);
            if (context.Request.Path.StartsWithSegments("/zammad", StringComparison.OrdinalIgnoreCase))
            {
                await ErrorResults.WriteZammadAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests").ConfigureAwait(false);
                return;
            }

            await ErrorResults.WriteSpringAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests").ConfigureAwait(false);
            return;
        }

        // In flight until the answer starts: a client that has its answer can no longer be counted.
        var left = 0;
        void Leave()
        {
            if (Interlocked.Exchange(ref left, 1) == 0)
            {
                limits.Leave(client);
            }
        }

        context.Response.OnStarting(() =>
        {
            Leave();
            return Task.CompletedTask;
        });
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            Leave();
        }
    }
}
