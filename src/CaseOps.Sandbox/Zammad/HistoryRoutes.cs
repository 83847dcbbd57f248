using System.Globalization;
using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// Contract §3 row 7: <c>GET /ticket_history/{id}</c> → <c>{"history":[…],"assets":{…}}</c>, oldest
/// first. Assets are kept small: the ticket (T+ids) and the users who made the changes.
/// </summary>
internal sealed class HistoryRoutes(ZammadApi api)
{
    /// <summary>Maps the endpoint onto the authenticated Zammad group.</summary>
    public void Map(IEndpointRouteBuilder routes) => routes.MapGet("/ticket_history/{id}", Get);

    private IResult Get(HttpContext context, string id)
    {
        var call = ZammadCall.Of(context);
        lock (api.Gate)
        {
            var ticket = TicketRoutes.Readable(api, call, TicketRoutes.ParseId(id));
            var entries = api.History.For(ticket.Id);
            var users = new JsonObject();
            foreach (var userId in entries.Select(e => e.CreatedById).Distinct().Order())
            {
                if (api.Users.Find(userId) is { } user)
                {
                    users[userId.ToString(CultureInfo.InvariantCulture)] = user.ToJson();
                }
            }

            var assets = new JsonObject
            {
                ["Ticket"] = new JsonObject { [ticket.Id.ToString(CultureInfo.InvariantCulture)] = api.Json.WithIds(ticket) },
                ["User"] = users,
                ["TicketArticle"] = new JsonObject(),
            };
            return ZammadResults.Json(new JsonObject
            {
                ["history"] = new JsonArray(entries.Select(e => (JsonNode?)e.ToJson()).ToArray()),
                ["assets"] = assets,
            });
        }
    }
}
