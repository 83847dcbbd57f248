using System.Globalization;
using CaseOps.Sandbox.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CaseOps.Sandbox.Faults;

/// <summary>
/// Applies <see cref="FaultSettings"/>: waits the latency, then either answers with the injected
/// status (Spring-style body, Zammad-style under <c>/zammad/</c>; 429 with Retry-After) or passes the request on. Runs after routing so
/// it can see the <see cref="FaultExempt"/> marker of token endpoints, and before authentication so
/// scripted failures hit the very next request whatever its token. Download routes
/// (<see cref="DropFaultTarget"/>) can also have their connection dropped mid-body
/// (<see cref="FaultSettings.DropNextDownloads"/>), and any route can have its answer lost after it
/// acted (<see cref="FaultSettings.LoseNextAnswers"/>) or its body rewritten (<see cref="FaultSettings.Rewrites"/>).
/// </summary>
public sealed class FaultMiddleware(RequestDelegate next, FaultSettings faults)
{
    /// <summary>Middleware entry point.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var exempt = context.GetEndpoint()?.Metadata.GetMetadata<FaultExempt>() is not null;
        var decision = faults.Decide(exempt);

        if (decision.Latency > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(decision.Latency, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The client gave up; nobody is left to answer.
                return;
            }
        }

        if (decision.Status is not { } status)
        {
            if (faults.TryTakeLostAnswer(context.Request.Method, context.Request.Path.Value ?? "/"))
            {
                await LoseAnswerAsync(context).ConfigureAwait(false);
                return;
            }

            if (faults.Rewrites.TryTake(context.Request) is { } rewrite)
            {
                await RewriteAnswerAsync(context, rewrite).ConfigureAwait(false);
                return;
            }

            await PassAsync(context).ConfigureAwait(false);
            return;
        }

        if (status == StatusCodes.Status429TooManyRequests)
        {
            context.Response.Headers[HeaderNames.RetryAfter] = decision.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        if (status < 200 || status is 204 or 304)
        {
            // These statuses must not carry a body.
            context.Response.StatusCode = status;
            return;
        }

        // Each emulated API answers in its own error shape.
        if (context.Request.Path.StartsWithSegments("/zammad", StringComparison.OrdinalIgnoreCase))
        {
            await ErrorResults.WriteZammadAsync(context, status, "Injected fault").ConfigureAwait(false);
            return;
        }

        await ErrorResults.WriteSpringAsync(context, status, "Injected fault").ConfigureAwait(false);
    }

    // The handler writes its answer into a buffer that is thrown away, so nothing (not even the
    // status line) goes out before the connection is cut: the server has acted, the client cannot know.
    private async Task LoseAnswerAsync(HttpContext context)
    {
        var original = context.Response.Body;
        using var swallowed = new MemoryStream();
        context.Response.Body = swallowed;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }

        context.Abort();
    }

    // The handler writes into a buffer; what goes out is the rewritten body with its own length, the
    // status and other headers as the handler set them.
    private async Task RewriteAnswerAsync(HttpContext context, Func<byte[], byte[]> rewrite)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }

        var body = rewrite(buffer.ToArray());
        context.Response.ContentLength = body.Length;
        await original.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    // Download routes get a body wrapper while a drop is pending; it decides on the first write
    // (only a 200 answer uses up a drop) and cuts the connection after the allowed bytes.
    private async Task PassAsync(HttpContext context)
    {
        if (faults.PendingDrops == 0 || context.GetEndpoint()?.Metadata.GetMetadata<DropFaultTarget>() is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var original = context.Response.Body;
        context.Response.Body = new DroppingResponseStream(original, context, faults);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }
    }
}
