using System.Globalization;
using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// The user look-ups clients need to resolve names: <c>GET /users/me</c>, <c>GET /users/{id}</c>
/// (agents see everyone, customers only themselves) and <c>GET /users/search</c>: <c>query</c>
/// is a case-insensitive substring of login, email, first or last name (empty or <c>*</c> = all),
/// <c>permissions[]=ticket.agent</c> keeps agents only, <c>limit</c> default 100 (max 500; <c>page</c>
/// and <c>per_page</c> also work), id ascending, a plain array.
/// </summary>
internal sealed class UserRoutes(ZammadApi api)
{
    /// <summary>Maps the endpoints onto the authenticated Zammad group.</summary>
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/users/me", (HttpContext c) => ZammadResults.Json(ZammadCall.Of(c).User.ToJson()));
        routes.MapGet("/users/search", Search);
        routes.MapGet("/users/{id}", Get);
    }

    private IResult Get(HttpContext context, string id)
    {
        var call = ZammadCall.Of(context);
        var user = int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? api.Users.Find(value) : null;
        if (user is null)
        {
            throw ZammadFailure.NotFound("User", id);
        }

        return call.User.IsAgent || user.Id == call.User.Id ? ZammadResults.Json(user.ToJson()) : throw ZammadFailure.NotAuthorized();
    }

    private IResult Search(HttpContext context)
    {
        var call = ZammadCall.Of(context);
        call.RequireAgent();
        var query = (call.Params.String("query") ?? string.Empty).Trim();
        if (query == "*")
        {
            query = string.Empty;
        }

        var agentsOnly = call.Params.List("permissions").Any(p => p.Equals("ticket.agent", StringComparison.OrdinalIgnoreCase));
        var matches = api.Users.All.Where(u =>
            (!agentsOnly || u.IsAgent)
            && (query.Length == 0 || new[] { u.Login, u.Email, u.Firstname, u.Lastname }.Any(f => f.Contains(query, StringComparison.OrdinalIgnoreCase))));
        var paging = ZammadPaging.From(call.Params, 100, 500);
        return ZammadResults.Json(new JsonArray(paging.Apply(matches).Select(u => (JsonNode?)u.ToJson()).ToArray()));
    }
}
