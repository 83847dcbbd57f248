using System.Diagnostics;
using CaseOps.Sandbox.Http;
using Microsoft.AspNetCore.Http;

namespace CaseOps.Sandbox.Diagnostics;

/// <summary>Adds every request to the <see cref="RequestLog"/>, faulted ones included.</summary>
public sealed class RequestLogMiddleware(RequestDelegate next, RequestLog log)
{
    /// <summary>Middleware entry point.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var arrivedAt = Stopwatch.GetTimestamp();
        var request = context.Request;
        var slot = log.Begin(request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? string.Empty, arrivedAt, RequestIdMiddleware.Get(context));

        // OnStarting runs before the status line leaves the server, so the entry is complete
        // before the client can observe the response.
        context.Response.OnStarting(() =>
        {
            slot.Complete(context.Response.StatusCode);
            return Task.CompletedTask;
        });

        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // The server will answer 500 for an unhandled exception; record that, not the default 200.
            slot.Complete(StatusCodes.Status500InternalServerError);
            throw;
        }
        finally
        {
            slot.Complete(context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted
                ? RequestLog.ClientClosedRequest
                : context.Response.StatusCode);
        }
    }
}
