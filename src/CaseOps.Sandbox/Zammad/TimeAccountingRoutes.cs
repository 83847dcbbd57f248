using System.Globalization;
using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// Time accounting, docs/contracts/zammad.md, Time accounting and Time accounting schema (agents only): list a ticket's entries (id asc),
/// create, update, delete, and the activity types. <c>time_unit</c> is a number or a decimal string
/// (else 422 <c>Time unit is invalid</c>); the type comes as <c>type_id</c> or <c>type</c> (name), unknown
/// → 422 <c>No lookup value found for …</c>; inactive types are accepted (old entries keep them);
/// <c>ticket_article_id</c> must be an article of the same ticket (else a lookup 422). Every change
/// recomputes the ticket's <c>time_unit</c> (see <see cref="TimeAccountingRecorder"/>).
/// </summary>
internal sealed class TimeAccountingRoutes(ZammadApi api)
{
    /// <summary>Maps the endpoints onto the authenticated Zammad group.</summary>
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/tickets/{ticketId}/time_accountings", List);
        routes.MapPost("/time_accountings", Create);
        routes.MapPut("/time_accountings/{id}", Update);
        routes.MapDelete("/time_accountings/{id}", Delete);
        routes.MapGet("/time_accounting/types", Types);
    }

    private IResult List(HttpContext context, string ticketId)
    {
        var call = ZammadCall.Of(context);
        call.RequireAgent();
        lock (api.Gate)
        {
            var ticket = TicketRoutes.Readable(api, call, TicketRoutes.ParseId(ticketId));
            return ZammadResults.Json(new JsonArray(api.TimeAccountings.For(ticket.Id).Select(e => (JsonNode?)e.ToJson()).ToArray()));
        }
    }

    private IResult Create(HttpContext context)
    {
        var call = ZammadCall.Of(context);
        call.RequireAgent();
        var p = call.Params;
        lock (api.Gate)
        {
            var ticket = TicketRoutes.Readable(api, call, TicketRoutes.ParseId(p.String("ticket_id") ?? string.Empty));
            var amount = ZammadTimeUnit.Parse(p.Node("time_unit"));
            var typeId = TypeId(p);
            var articleId = ArticleId(p, ticket.Id);
            var now = api.Clock.Next();
            var entry = new TimeAccountingRecorder(api).Apply(ticket, call.User.Id, now, () => api.TimeAccountings.Add(new ZammadTimeAccounting
            {
                TicketId = ticket.Id,
                TicketArticleId = articleId,
                TimeUnit = amount,
                TypeId = typeId,
                CreatedById = call.User.Id,
                CreatedAt = now,
                UpdatedAt = now,
            }));
            return ZammadResults.Json(entry.ToJson(), StatusCodes.Status201Created);
        }
    }

    private IResult Update(HttpContext context, string id)
    {
        var call = ZammadCall.Of(context);
        call.RequireAgent();
        var p = call.Params;
        lock (api.Gate)
        {
            var (entry, ticket) = Existing(call, id);
            var changed = entry with
            {
                TimeUnit = p.Has("time_unit") ? ZammadTimeUnit.Parse(p.Node("time_unit")) : entry.TimeUnit,
                TypeId = p.Has("type_id") || p.Has("type") ? TypeId(p) : entry.TypeId,
                TicketArticleId = p.Has("ticket_article_id") ? ArticleId(p, ticket.Id) : entry.TicketArticleId,
                UpdatedAt = api.Clock.Next(),
            };
            new TimeAccountingRecorder(api).Apply(ticket, call.User.Id, changed.UpdatedAt, () =>
            {
                api.TimeAccountings.Replace(changed);
                return changed;
            });
            return ZammadResults.Json(changed.ToJson());
        }
    }

    private IResult Delete(HttpContext context, string id)
    {
        var call = ZammadCall.Of(context);
        call.RequireAgent();
        lock (api.Gate)
        {
            var (entry, ticket) = Existing(call, id);
            new TimeAccountingRecorder(api).Apply(ticket, call.User.Id, api.Clock.Next(), () => api.TimeAccountings.Remove(entry.Id));
            return ZammadResults.Json(new JsonObject());
        }
    }

    private IResult Types(HttpContext context)
    {
        ZammadCall.Of(context).RequireAgent();
        return ZammadResults.Json(new JsonArray(api.TimeAccountings.Types.Select(t => (JsonNode?)t.ToJson()).ToArray()));
    }

    /// <summary>The entry and its live ticket, or 404. Callers hold the lock.</summary>
    private (ZammadTimeAccounting Entry, ZammadTicket Ticket) Existing(ZammadCall call, string id)
    {
        var entry = (int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var entryId) ? api.TimeAccountings.Find(entryId) : null)
            ?? throw ZammadFailure.NotFound("Ticket::TimeAccounting", id);
        var ticket = api.Tickets.Live(entry.TicketId) ?? throw ZammadFailure.NotFound("Ticket::TimeAccounting", id);
        return (entry, call.CanRead(ticket) ? ticket : throw ZammadFailure.NotAuthorized());
    }

    /// <summary><c>type_id</c> wins over <c>type</c>; both absent or null → no type.</summary>
    private int? TypeId(ZammadParams p)
    {
        if (p.Node("type_id") is { } idNode)
        {
            return ZammadParams.AsInt(idNode) is { } id && api.TimeAccountings.Type(id) is { } byId
                ? byId.Id
                : throw ZammadFailure.NoLookup("type_id", ZammadParams.Text(idNode) ?? string.Empty);
        }

        if (p.String("type") is { } name)
        {
            return api.TimeAccountings.Type(name)?.Id ?? throw ZammadFailure.NoLookup("type", name);
        }

        return null;
    }

    private int? ArticleId(ZammadParams p, int ticketId)
    {
        if (p.Node("ticket_article_id") is not { } node)
        {
            return null;
        }

        return ZammadParams.AsInt(node) is { } id && api.Articles.Live(id) is { } article && article.TicketId == ticketId
            ? id
            : throw ZammadFailure.NoLookup("ticket_article_id", ZammadParams.Text(node) ?? string.Empty);
    }
}
