using System.Globalization;
using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// Read-only lookups: priorities and states (docs/contracts/zammad.md, Priorities and states), groups and <c>/version</c> (same document, Lookups).
/// Lists page as in docs/contracts/zammad.md, Paging, and sort by <c>sort_by</c> (<c>id</c> or <c>name</c>, default id) and
/// <c>order_by</c> (default asc). <c>expand</c> adds <c>created_by</c>/<c>updated_by</c> logins
/// (and <c>state_type</c> for states).
/// </summary>
internal sealed class LookupRoutes(ZammadApi api)
{
    /// <summary>Version string reported by <c>GET /version</c>.</summary>
    public const string Version = "6.2.0";

    /// <summary>Maps the endpoints onto the authenticated Zammad group.</summary>
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/ticket_priorities", (HttpContext c) => List(c, api.Priorities, p => p.Id, p => p.Name, p => Expanded(c, p.ToJson()), 500, 1000));
        routes.MapGet("/ticket_priorities/{id}", (HttpContext c, string id) =>
            One(api.Priorities.FirstOrDefault(p => Matches(p.Id, id)), "Ticket::Priority", id, p => Expanded(c, p.ToJson())));
        routes.MapGet("/ticket_states", (HttpContext c) => List(c, api.States, s => s.Id, s => s.Name, s => State(c, s), 500, 1000));
        routes.MapGet("/ticket_states/{id}", (HttpContext c, string id) =>
            One(api.States.FirstOrDefault(s => Matches(s.Id, id)), "Ticket::State", id, s => State(c, s)));
        routes.MapGet("/groups", (HttpContext c) => List(c, api.Groups, g => g.Id, g => g.Name, g => g.ToJson(), 500, 500));
        routes.MapGet("/groups/{id}", (HttpContext c, string id) => One(api.Groups.FirstOrDefault(g => Matches(g.Id, id)), "Group", id, g => g.ToJson()));
        routes.MapGet("/version", () => ZammadResults.Json(new JsonObject { ["version"] = Version }));
    }

    private static bool Matches(int id, string text) => id.ToString(CultureInfo.InvariantCulture) == text;

    private static IResult List<T>(HttpContext context, IEnumerable<T> items, Func<T, int> id, Func<T, string> name, Func<T, JsonObject> render, int defaultPerPage, int maxPerPage)
    {
        var call = ZammadCall.Of(context);
        var descending = string.Equals(call.Params.String("order_by"), "desc", StringComparison.OrdinalIgnoreCase);
        var sorted = call.Params.String("sort_by") == "name"
            ? (descending ? items.OrderByDescending(name, StringComparer.Ordinal) : items.OrderBy(name, StringComparer.Ordinal))
            : (descending ? items.OrderByDescending(id) : items.OrderBy(id));
        var page = ZammadPaging.From(call.Params, defaultPerPage, maxPerPage).Apply(sorted);
        return ZammadResults.Json(new JsonArray(page.Select(item => (JsonNode?)render(item)).ToArray()));
    }

    private static IResult One<T>(T? item, string model, string id, Func<T, JsonObject> render)
        where T : class =>
        item is null ? throw ZammadFailure.NotFound(model, id) : ZammadResults.Json(render(item));

    private JsonObject Expanded(HttpContext context, JsonObject json)
    {
        if (ZammadCall.Of(context).Expand)
        {
            json["created_by"] = api.Users.Find(ZammadUser.SystemId)?.Login;
            json["updated_by"] = api.Users.Find(ZammadUser.SystemId)?.Login;
        }

        return json;
    }

    private JsonObject State(HttpContext context, ZammadState state)
    {
        var json = Expanded(context, state.ToJson());
        if (ZammadCall.Of(context).Expand)
        {
            json["state_type"] = api.Lookups.StateTypes[state.StateTypeId];
            json["next_state"] = state.NextStateId is { } next ? api.Lookups.State(next)?.Name : null;
        }

        return json;
    }
}
