using System.Globalization;
using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad;

/// <summary>Ticket endpoints of docs/contracts/zammad.md, Tickets: list, get, create, update, delete.</summary>
internal sealed class TicketRoutes(ZammadApi api)
{
    /// <summary>Maps the endpoints onto the authenticated Zammad group.</summary>
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/tickets", List);
        routes.MapPost("/tickets", Create);
        routes.MapGet("/tickets/{id}", Get);
        routes.MapPut("/tickets/{id}", Update);
        routes.MapDelete("/tickets/{id}", Delete);
    }

    /// <summary>Parses a ticket id path segment; anything else is a missing ticket, as in Rails.</summary>
    internal static int ParseId(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw ZammadFailure.NotFound("Ticket", text);

    /// <summary>The live ticket the caller may read, or 404/403. Callers hold the lock.</summary>
    internal static ZammadTicket Readable(ZammadApi api, ZammadCall call, int id)
    {
        var ticket = api.Tickets.Live(id) ?? throw ZammadFailure.NotFound("Ticket", id.ToString(CultureInfo.InvariantCulture));
        return call.CanRead(ticket) ? ticket : throw ZammadFailure.NotAuthorized();
    }

    private IResult List(HttpContext context)
    {
        var call = ZammadCall.Of(context);
        var paging = ZammadPaging.From(call.Params, 100, 100);
        var json = api.Json;
        lock (api.Gate)
        {
            var page = paging.Apply(api.Tickets.LiveAll.Where(call.CanRead));
            var items = page.Select(t => (JsonNode?)(call.Expand ? json.WithNames(t) : json.Plain(t))).ToArray();
            return ZammadResults.Json(new JsonArray(items));
        }
    }

    private IResult Get(HttpContext context, string id)
    {
        var call = ZammadCall.Of(context);
        var json = api.Json;
        lock (api.Gate)
        {
            var ticket = Readable(api, call, ParseId(id));
            return ZammadResults.Json(call.Expand ? json.WithNames(ticket) : json.Plain(ticket));
        }
    }

    private IResult Create(HttpContext context)
    {
        var call = ZammadCall.Of(context);
        var ticket = new TicketWriter(api).Create(call);
        lock (api.Gate)
        {
            return ZammadResults.Json(api.Json.Answer(ticket, call.Expand), StatusCodes.Status201Created);
        }
    }

    private IResult Update(HttpContext context, string id)
    {
        var call = ZammadCall.Of(context);
        var ticket = new TicketWriter(api).Update(call, ParseId(id));
        lock (api.Gate)
        {
            return ZammadResults.Json(api.Json.Answer(ticket, call.Expand));
        }
    }

    private IResult Delete(HttpContext context, string id)
    {
        var call = ZammadCall.Of(context);
        var ticketId = ParseId(id);
        lock (api.Gate)
        {
            // Like the server: find first (404), then authorize (403).
            _ = api.Tickets.Live(ticketId) ?? throw ZammadFailure.NotFound("Ticket", id);
            call.RequireAdmin();
            api.Tickets.Remove(ticketId);
            api.Articles.RemoveTicket(ticketId);
            api.Tags.RemoveTicket(ticketId);
            api.Links.RemoveTicket(ticketId);
            api.TimeAccountings.RemoveTicket(ticketId);
            api.History.RemoveTicket(ticketId);
        }

        return ZammadResults.Empty();
    }
}
