using System.Globalization;
using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// docs/contracts/zammad.md, History: <c>GET /ticket_history/{id}</c> → <c>{"history":[…],"assets":{…}}</c>, oldest
/// first. Assets are kept small: the ticket (T+ids), the users who made the changes and the articles
/// the article rows are about (while they still exist), under <c>TicketArticle</c> (docs/contracts/zammad.md, History: no <c>::</c>).
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
                ["TicketArticle"] = Articles(entries, call.User.IsAgent),
            };
            return ZammadResults.Json(new JsonObject
            {
                ["history"] = new JsonArray(entries.Select(e => (JsonNode?)e.ToJson()).ToArray()),
                ["assets"] = assets,
            });
        }
    }

    /// <summary>Articles named by the rows; customers never see internal ones (the article routes hide them too).</summary>
    private JsonObject Articles(IEnumerable<ZammadHistoryEntry> entries, bool agent)
    {
        var json = new JsonObject();
        foreach (var id in entries.Where(e => e.Object == "Ticket::Article").Select(e => e.OId).Distinct().Order())
        {
            if (api.Articles.Live(id) is { } article && (agent || !article.Internal))
            {
                json[id.ToString(CultureInfo.InvariantCulture)] = api.ArticleJson.Render(article);
            }
        }

        return json;
    }
}
