using System.Globalization;
using CaseOps.Sandbox.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CaseOps.Sandbox.Incydr;

/// <summary>
/// An error answer of the Incydr side (docs/contracts/incydr.md, Errors), thrown from deep inside a
/// handler, reader or store and turned into the response by <see cref="IncydrAuthFilter"/>, the
/// same idiom as the Zammad side's <c>ZammadFailure</c>. The wire has four shapes, chosen by the
/// factory: a case problem, a problem without description, Spring's error document, and the OAuth
/// error object.
/// </summary>
public sealed class IncydrFailure : Exception
{
    private readonly Shape shape;
    private readonly string? code;

    private IncydrFailure(Shape shape, int status, string? code, string message)
        : base(message)
    {
        this.shape = shape;
        this.code = code;
        Status = status;
    }

    private enum Shape
    {
        Problem,
        ProblemWithoutDescription,
        Spring,
        OAuth,
        Bearer,
    }

    /// <summary>HTTP status to answer.</summary>
    public int Status { get; }

    /// <summary>400 <c>{"problem": code, "description": description}</c>.</summary>
    public static IncydrFailure Problem(string code, string description) => new(Shape.Problem, StatusCodes.Status400BadRequest, code, description);

    /// <summary>400 <see cref="CaseProblemCodes.InvalidRequest"/>: malformed input the contract knows no code for.</summary>
    public static IncydrFailure InvalidRequest(string description) => Problem(CaseProblemCodes.InvalidRequest, description);

    /// <summary>
    /// 400 <c>{"problem": code}</c> without a description key, as the file-event endpoints send
    /// their business rules (docs/contracts/incydr.md, Errors), so clients meet the absent key.
    /// </summary>
    public static IncydrFailure Rule(string code) => new(Shape.ProblemWithoutDescription, StatusCodes.Status400BadRequest, code, code);

    /// <summary>404 in Spring's error document.</summary>
    public static IncydrFailure NotFound(string message) => new(Shape.Spring, StatusCodes.Status404NotFound, null, message);

    /// <summary>404 <c>Case n not found</c>.</summary>
    public static IncydrFailure CaseNotFound(long number) => NotFound($"Case {number.ToString(CultureInfo.InvariantCulture)} not found");

    /// <summary>400 in Spring's error document: a non-numeric case number is a type mismatch there.</summary>
    public static IncydrFailure CaseNumberNotInteger(string text) =>
        new(Shape.Spring, StatusCodes.Status400BadRequest, null, $"Case number '{text}' is not an integer");

    /// <summary>400 <c>{"error": error}</c> of the token endpoints.</summary>
    public static IncydrFailure OAuth(string error) => new(Shape.OAuth, StatusCodes.Status400BadRequest, error, error);

    /// <summary>401 <c>{"error":"unauthorized"}</c>: wrong client credentials at the token endpoints.</summary>
    public static IncydrFailure BadClient() => new(Shape.OAuth, StatusCodes.Status401Unauthorized, "unauthorized", "unauthorized");

    /// <summary>401 <c>{"error":"unauthorized"}</c> with <c>WWW-Authenticate: Bearer</c>: no valid token on an API call.</summary>
    public static IncydrFailure NoBearer() => new(Shape.Bearer, StatusCodes.Status401Unauthorized, "unauthorized", "unauthorized");

    /// <summary>The answer to send; the one place Incydr failures become responses.</summary>
    public IResult ToResult(HttpContext context)
    {
        switch (shape)
        {
            case Shape.Problem:
                return Results.Json(new ProblemBody(code!, Message), SandboxJson.Options, statusCode: Status);
            case Shape.ProblemWithoutDescription:
                return Results.Json(new EventProblemBody(code!), SandboxJson.Options, statusCode: Status);
            case Shape.Spring:
                return ErrorResults.Spring(context, Status, Message);
            case Shape.Bearer:
                context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
                return Results.Json(new OAuthErrorBody(code!), SandboxJson.Options, statusCode: Status);
            default:
                return Results.Json(new OAuthErrorBody(code!), SandboxJson.Options, statusCode: Status);
        }
    }
}

/// <summary>Problem body without a description.</summary>
/// <param name="Problem">Problem code.</param>
public sealed record EventProblemBody(string Problem);
