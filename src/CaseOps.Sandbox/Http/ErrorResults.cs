using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace CaseOps.Sandbox.Http;

/// <summary>
/// Error documents shared by the failure types (<c>IncydrFailure</c>, <c>ZammadFailure</c>), the
/// fault middleware and the 404 fallbacks (docs/contracts/incydr.md, Errors).
/// </summary>
public static class ErrorResults
{
    /// <summary>Spring Boot's default error document, used for 404 and for injected faults.</summary>
    public static IResult Spring(HttpContext context, int status, string message) =>
        Results.Json(SpringBody(context, status, message), SandboxJson.Options, statusCode: status);

    /// <summary>Writes a Spring-style error directly (for middleware that has no endpoint result to return).</summary>
    public static Task WriteSpringAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(SpringBody(context, status, message), SandboxJson.Options, context.RequestAborted);
    }

    /// <summary>
    /// Zammad's error body <c>{"error":text,"error_human":text}</c>. 401 and 403 answers also carry
    /// the text in <c>X-Failure</c>, as Zammad's authentication layer does.
    /// </summary>
    public static IResult Zammad(HttpContext context, int status, string message)
    {
        MarkFailure(context, status, message);
        return Results.Json(new ZammadErrorBody(message, message), SandboxJson.Options, statusCode: status);
    }

    /// <summary>Writes a Zammad error directly (for middleware and filters that have no endpoint result to return).</summary>
    public static Task WriteZammadAsync(HttpContext context, int status, string message)
    {
        MarkFailure(context, status, message);
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ZammadErrorBody(message, message), SandboxJson.Options, context.RequestAborted);
    }

    private static void MarkFailure(HttpContext context, int status, string message)
    {
        if (status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden)
        {
            context.Response.Headers["X-Failure"] = message;
        }
    }

    private static SpringErrorBody SpringBody(HttpContext context, int status, string message) => new(
        DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        status,
        ReasonPhrases.GetReasonPhrase(status),
        message,
        context.Request.Path.Value ?? "/");
}

/// <summary>Case problem body.</summary>
/// <param name="Problem">Problem code.</param>
/// <param name="Description">Detail or null.</param>
public sealed record ProblemBody(string Problem, string? Description);

/// <summary>OAuth-style error body.</summary>
/// <param name="Error">Error code.</param>
public sealed record OAuthErrorBody(string Error);

/// <summary>Spring Boot default error body.</summary>
/// <param name="Timestamp">When the error happened.</param>
/// <param name="Status">HTTP status.</param>
/// <param name="Error">Reason phrase.</param>
/// <param name="Message">Detail.</param>
/// <param name="Path">Request path.</param>
public sealed record SpringErrorBody(string Timestamp, int Status, string Error, string Message, string Path);

/// <summary>Zammad error body.</summary>
/// <param name="Error">Error text.</param>
/// <param name="ErrorHuman">The same text (Zammad sends both).</param>
public sealed record ZammadErrorBody(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_human")] string ErrorHuman);
