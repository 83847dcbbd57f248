using System.Globalization;
using CaseOps.Sandbox.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseOps.Sandbox.Incydr;

/// <summary>
/// The case endpoints (docs/contracts/incydr.md, Cases) under <c>/v1/cases</c>, plus the legacy
/// py42 alias
/// <c>/api/v1/case</c> served by the same handlers.
/// </summary>
public sealed class CaseRoutes(CaseStore store, SandboxUser apiUser)
{
    /// <summary>Path prefixes the handlers answer under.</summary>
    public static readonly IReadOnlyList<string> Prefixes = ["/v1/cases", "/api/v1/case"];

    /// <summary>Maps the endpoints onto <paramref name="routes"/> (expected to carry the bearer filter).</summary>
    public void Map(IEndpointRouteBuilder routes)
    {
        foreach (var prefix in Prefixes)
        {
            routes.MapGet(prefix, List);
            routes.MapPost(prefix, (Delegate)CreateAsync); // cast: else it binds as a RequestDelegate and drops the result
            routes.MapGet(prefix + "/{number}", Get);
            routes.MapPut(prefix + "/{number}", ReplaceAsync);
            routes.MapDelete(prefix + "/{number}", Delete);
        }
    }

    private IResult List(HttpContext context)
    {
        var query = CaseQueryParser.Parse(context.Request.Query, out var problem);
        if (query is null)
        {
            return ErrorResults.Problem(problem!.Code, problem.Description);
        }

        var page = store.List(query);
        var items = new CaseJson[page.Cases.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = new CaseJson(page.Cases[i]);
        }

        return Results.Json(new CasesPageJson(items, page.TotalCount), SandboxJson.Options);
    }

    private async Task<IResult> CreateAsync(HttpContext context)
    {
        var (edit, problem) = await CaseBodyReader.ReadAsync(context.Request, statusRequired: false, context.RequestAborted).ConfigureAwait(false);
        if (edit is null)
        {
            return ErrorResults.Problem(problem!.Code, problem.Description);
        }

        return Answer(context, store.Create(edit, apiUser), 0);
    }

    private IResult Get(HttpContext context, string number)
    {
        if (!TryParseNumber(number, out var value))
        {
            return BadNumber(context, number);
        }

        return store.Find(value) is { } record
            ? Results.Json(new CaseDetailJson(record), SandboxJson.Options)
            : NotFound(context, value);
    }

    private async Task<IResult> ReplaceAsync(HttpContext context, string number)
    {
        if (!TryParseNumber(number, out var value))
        {
            return BadNumber(context, number);
        }

        // Like Spring, the body is read (and rejected if malformed) before the case is looked up.
        var (edit, problem) = await CaseBodyReader.ReadAsync(context.Request, statusRequired: true, context.RequestAborted).ConfigureAwait(false);
        if (edit is null)
        {
            return ErrorResults.Problem(problem!.Code, problem.Description);
        }

        return Answer(context, store.Replace(value, edit, apiUser), value);
    }

    private IResult Delete(HttpContext context, string number)
    {
        if (!TryParseNumber(number, out var value))
        {
            return BadNumber(context, number);
        }

        return store.Delete(value) ? Results.NoContent() : NotFound(context, value);
    }

    private static IResult Answer(HttpContext context, CaseMutation mutation, long number)
    {
        if (mutation.NotFound)
        {
            return NotFound(context, number);
        }

        return mutation.Case is { } record
            ? Results.Json(new CaseDetailJson(record), SandboxJson.Options)
            : ErrorResults.Problem(mutation.Problem!.Code, mutation.Problem.Description);
    }

    private static bool TryParseNumber(string text, out long number) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number);

    // A non-numeric path segment is a type mismatch in Spring, answered with its generic 400 body.
    private static IResult BadNumber(HttpContext context, string text) =>
        ErrorResults.Spring(context, StatusCodes.Status400BadRequest, $"Case number '{text}' is not an integer");

    private static IResult NotFound(HttpContext context, long number) =>
        ErrorResults.Spring(context, StatusCodes.Status404NotFound, $"Case {number} not found");
}
