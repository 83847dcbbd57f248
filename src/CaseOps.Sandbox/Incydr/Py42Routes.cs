using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseOps.Sandbox.Incydr;

/// <summary>
/// Discovery hooks py42 needs before it can reach the cases API (docs/contracts/incydr.md, Legacy
/// py42 API). Both point back at this server; they need no token. py42 derives the key-value host
/// by replacing the first "sts" in stsBaseUrl, and "http://127.0.0.1:port" has none, so it comes
/// back here too.
/// </summary>
internal sealed class Py42Routes
{
    /// <summary>Maps <c>GET /api/v1/ServerEnv</c> and <c>GET /v1/CASES_API-URL</c> onto the Incydr group, open to all.</summary>
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/ServerEnv", (HttpContext context) => Results.Json(new { stsBaseUrl = BaseUrl(context) })).AllowAnonymous();
        routes.MapGet("/v1/CASES_API-URL", (HttpContext context) => Results.Text(BaseUrl(context), "text/plain")).AllowAnonymous();
    }

    private static string BaseUrl(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";
}
