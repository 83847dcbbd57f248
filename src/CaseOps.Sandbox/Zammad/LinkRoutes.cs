using System.Globalization;
using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// docs/contracts/zammad.md, Links: <c>GET /links?link_object=Ticket&amp;link_object_value={id}</c> → the links
/// as seen from that ticket plus the linked tickets (T+ids) as assets. Links come from
/// <see cref="LinkEditRoutes"/>, ticket creates and merges.
/// </summary>
internal sealed class LinkRoutes(ZammadApi api)
{
    /// <summary>Maps the endpoint onto the authenticated Zammad group.</summary>
    public void Map(IEndpointRouteBuilder routes) => routes.MapGet("/links", List);

    private IResult List(HttpContext context)
    {
        var call = ZammadCall.Of(context);
        var objectName = call.Params.String("link_object") ?? string.Empty;
        if (objectName != "Ticket")
        {
            throw ZammadFailure.Unprocessable($"No such object '{objectName}'.");
        }

        lock (api.Gate)
        {
            var ticket = TicketRoutes.Readable(api, call, TicketRoutes.ParseId(call.Params.String("link_object_value") ?? string.Empty));
            var links = api.Links.LinksOf(ticket.Id);
            if (links.Count == 0)
            {
                return ZammadResults.Json(new JsonObject { ["links"] = new JsonArray(), ["assets"] = new JsonObject() });
            }

            var rows = links.Select(l => (JsonNode?)new JsonObject { ["link_type"] = l.Type, ["link_object"] = "Ticket", ["link_object_value"] = l.TicketId });
            var linked = new JsonObject();
            foreach (var other in links.Select(l => l.TicketId).Distinct().Order())
            {
                if (api.Tickets.Live(other) is { } target)
                {
                    linked[other.ToString(CultureInfo.InvariantCulture)] = api.Json.WithIds(target);
                }
            }

            return ZammadResults.Json(new JsonObject { ["links"] = new JsonArray(rows.ToArray()), ["assets"] = new JsonObject { ["Ticket"] = linked } });
        }
    }
}
