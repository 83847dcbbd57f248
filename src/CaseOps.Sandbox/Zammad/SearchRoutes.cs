using System.Text.Json.Nodes;
using CaseOps.Sandbox.Zammad.Search;

namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// docs/contracts/zammad.md, Searching tickets: <c>GET</c> and <c>POST /tickets/search</c>. Query syntax: see
/// <see cref="TicketQueryParser"/> and <c>SEARCH.md</c>; order: <see cref="TicketSort"/>;
/// <c>per_page</c> default 50, max 200. Answer shapes (same section): <c>expand=true</c> → array of
/// <c>T+names</c>; otherwise per <see cref="ZammadApi.SearchStyle"/>: classic
/// <c>{"tickets","tickets_count","assets"}</c> or modern array of <c>T+ids</c> (with
/// <c>with_total_count=true</c>: <c>{"records","total_count"}</c>).
/// </summary>
internal sealed class SearchRoutes(ZammadApi api)
{
    /// <summary>Maps the endpoints onto the authenticated Zammad group.</summary>
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/tickets/search", Search);
        routes.MapPost("/tickets/search", Search);
    }

    private IResult Search(HttpContext context)
    {
        var call = ZammadCall.Of(context);
        var p = call.Params;
        var query = TicketQueryParser.Parse(p.String("query"), api.CustomFieldNames.ToArray());
        var paging = ZammadPaging.From(p, 50, 200);

        List<TicketSearchDocument> documents;
        lock (api.Gate)
        {
            var articles = api.Articles.LiveByTicket();
            documents = api.Tickets.LiveAll.Where(call.CanRead).Select(t => TicketSearchDocument.Build(api, t, articles[t.Id])).ToList();
        }

        var matches = documents.Where(d => d.Matches(query)).Select(d => d.Ticket).ToList();
        TicketSort.Sort(matches, p.String("sort_by"), p.String("order_by"), api.CustomFieldNames.ToArray());
        var ids = paging.Apply(matches).Select(t => t.Id).ToArray();

        lock (api.Gate)
        {
            // Render from the live store (a ticket deleted meanwhile is dropped) so answers match GET /tickets/{id}.
            var page = ids.Select(api.Tickets.Live).OfType<ZammadTicket>().ToArray();
            var json = api.Json;
            if (call.Expand)
            {
                return ZammadResults.Json(new JsonArray(page.Select(t => (JsonNode?)json.WithNames(t)).ToArray()));
            }

            if (api.SearchStyle == SearchStyle.Classic)
            {
                return ZammadResults.Json(new JsonObject
                {
                    ["tickets"] = new JsonArray(page.Select(t => (JsonNode?)t.Id).ToArray()),
                    ["tickets_count"] = page.Length,
                    ["assets"] = json.Assets(page),
                });
            }

            var records = new JsonArray(page.Select(t => (JsonNode?)json.WithIds(t)).ToArray());
            return p.Bool("with_total_count")
                ? ZammadResults.Json(new JsonObject { ["records"] = records, ["total_count"] = matches.Count })
                : ZammadResults.Json(records);
        }
    }
}
