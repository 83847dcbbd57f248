using System.Globalization;
using CaseOps.Sandbox.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseOps.Sandbox.Incydr;

/// <summary>
/// The case endpoints (docs/contracts/incydr.md, Cases) under <c>/v1/cases</c>, plus the legacy
/// py42 alias <c>/api/v1/case</c> served by the same handlers.
/// </summary>
internal sealed class CaseRoutes(IncydrApi api)
{
    /// <summary>Path prefixes the case handlers (and the file-event and download ones) answer under.</summary>
    public static readonly IReadOnlyList<string> Prefixes = ["/v1/cases", "/api/v1/case"];

    /// <summary>Maps the endpoints onto the Incydr group (behind the bearer check).</summary>
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

    /// <summary>Parses a case number path segment; anything else is Spring's type-mismatch 400.</summary>
    internal static long ParseNumber(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : throw IncydrFailure.CaseNumberNotInteger(text);

    /// <summary>The case with the number in the path segment, or the 400/404 failure.</summary>
    internal static CaseRecord Existing(IncydrApi api, string text)
    {
        var number = ParseNumber(text);
        return api.Cases.Find(number) ?? throw IncydrFailure.CaseNotFound(number);
    }

    private IResult List(HttpContext context)
    {
        var page = api.Cases.List(CaseQueryParser.Parse(context.Request.Query));
        var items = new CaseJson[page.Cases.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = new CaseJson(page.Cases[i]);
        }

        return Results.Json(new CasesPageJson(items, page.TotalCount), SandboxJson.Options);
    }

    private async Task<IResult> CreateAsync(HttpContext context)
    {
        var edit = await CaseBodyReader.ReadAsync(context.Request, statusRequired: false, context.RequestAborted).ConfigureAwait(false);
        return Detail(api.Cases.Create(edit, api.Users.ApiUser));
    }

    private IResult Get(string number) => Detail(Existing(api, number));

    private async Task<IResult> ReplaceAsync(HttpContext context, string number)
    {
        var value = ParseNumber(number);

        // Like Spring, the body is read (and rejected if malformed) before the case is looked up.
        var edit = await CaseBodyReader.ReadAsync(context.Request, statusRequired: true, context.RequestAborted).ConfigureAwait(false);
        return Detail(api.Cases.Replace(value, edit, api.Users.ApiUser));
    }

    private IResult Delete(string number)
    {
        var value = ParseNumber(number);
        return api.Cases.Delete(value) ? Results.NoContent() : throw IncydrFailure.CaseNotFound(value);
    }

    private static IResult Detail(CaseRecord record) => Results.Json(new CaseDetailJson(record), SandboxJson.Options);
}
