using Microsoft.AspNetCore.Http;

namespace CaseOps.Sandbox.Http;

/// <summary>
/// Gives every response an <c>X-Request-Id</c>: the client's own when it sent one, else a fresh id.
/// Runs first so that even faulted and 404 answers carry it.
/// </summary>
public sealed class RequestIdMiddleware(RequestDelegate next)
{
    /// <summary>Header name.</summary>
    public const string HeaderName = "X-Request-Id";

    /// <summary>Key under which the id is kept in <see cref="HttpContext.Items"/>.</summary>
    public static readonly object ItemKey = new();

    /// <summary>The id of the current request.</summary>
    public static string Get(HttpContext context) => context.Items[ItemKey] as string ?? string.Empty;

    /// <summary>Middleware entry point.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[HeaderName].ToString();
        var id = string.IsNullOrWhiteSpace(incoming) ? Guid.NewGuid().ToString("N") : incoming;
        context.Items[ItemKey] = id;
        context.Response.Headers[HeaderName] = id;
        return next(context);
    }
}
