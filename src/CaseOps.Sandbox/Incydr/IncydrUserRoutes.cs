using System.Globalization;
using CaseOps.Sandbox.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseOps.Sandbox.Incydr;

/// <summary>
/// The users endpoints (docs/contracts/incydr.md, "Users"): <c>GET /v1/users</c> with the filters
/// <c>username</c>, <c>active</c>, <c>blocked</c> and 1-based <c>page</c>/<c>pageSize</c> paging, and
/// <c>GET /v1/users/{userId}</c>. The users are the directory the seeded cases name, in directory order.
/// </summary>
internal sealed class IncydrUserRoutes(IncydrApi api)
{
    /// <summary>Page size when <c>pageSize</c> is left out (the SDK's default).</summary>
    public const int DefaultPageSize = 100;

    /// <summary>Maps the endpoints onto the Incydr group (behind the bearer check).</summary>
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/users", List);
        routes.MapGet("/v1/users/{userId}", Get);
    }

    private IResult List(HttpContext context)
    {
        var query = context.Request.Query;
        var username = Single(query, "username");
        var active = Flag(query, "active");
        var blocked = Flag(query, "blocked");
        var page = Number(query, "page", 1, int.MaxValue, CaseProblemCodes.InvalidPageNumber) ?? 1;
        var size = Number(query, "pageSize", 1, CaseQueryParser.MaxPageSize, CaseProblemCodes.InvalidPageSize) ?? DefaultPageSize;

        var everyone = api.Users.Everyone;
        var matches = new List<UserJson>();
        for (var i = 0; i < everyone.Count; i++)
        {
            var user = everyone[i];
            if ((username is null || string.Equals(user.Username, username, StringComparison.OrdinalIgnoreCase))
                && (active is null || user.Active == active)
                && (blocked is null || user.Blocked == blocked))
            {
                matches.Add(new UserJson(user, i));
            }
        }

        var skip = (long)(page - 1) * size;
        var items = skip >= matches.Count ? [] : matches.Skip((int)skip).Take(size).ToList();
        return Results.Json(new UsersPageJson(items, matches.Count), SandboxJson.Options);
    }

    private IResult Get(string userId)
    {
        var everyone = api.Users.Everyone;
        for (var i = 0; i < everyone.Count; i++)
        {
            if (string.Equals(everyone[i].Uid, userId, StringComparison.Ordinal))
            {
                return Results.Json(new UserJson(everyone[i], i), SandboxJson.Options);
            }
        }

        throw IncydrFailure.NotFound($"User {userId} not found");
    }

    // Booleans in the query, read without regard to case (docs/contracts/incydr.md, "Booleans in the query").
    private static bool? Flag(IQueryCollection query, string name)
    {
        if (Single(query, name) is not { } text)
        {
            return null;
        }

        return bool.TryParse(text, out var value) ? value : throw IncydrFailure.InvalidRequest($"{name} must be true or false, not '{text}'");
    }

    private static int? Number(IQueryCollection query, string name, int least, int most, string problem)
    {
        if (Single(query, name) is not { } text)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= least && value <= most
            ? value
            : throw IncydrFailure.Problem(problem, $"{name} must be an integer from {least} to {most}");
    }

    private static string? Single(IQueryCollection query, string name) => query[name].FirstOrDefault(v => !string.IsNullOrEmpty(v));
}
