using System.Globalization;
using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// Articles (docs/contracts/zammad.md, Articles and attachments): list a ticket's articles (oldest first), get one, create one
/// (same document, Article request body, plus <c>ticket_id</c>). Creating bumps the ticket (<c>updated_at</c>, <c>article_count</c>),
/// writes a <c>created</c> history row for the article and, with <c>time_unit</c>, a time accounting.
/// Customers see only public articles of their own tickets.
/// </summary>
internal sealed class ArticleRoutes(ZammadApi api)
{
    /// <summary>Maps the endpoints onto the authenticated Zammad group.</summary>
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/ticket_articles/by_ticket/{ticketId}", ByTicket);
        routes.MapGet("/ticket_articles/{id}", Get);
        routes.MapPost("/ticket_articles", Create);
    }

    /// <summary>The live article a caller may read, or 404/403. Callers hold the lock.</summary>
    internal static ZammadArticle Readable(ZammadApi api, ZammadCall call, string id)
    {
        var article = (int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var articleId) ? api.Articles.Live(articleId) : null)
            ?? throw ZammadFailure.NotFound("Ticket::Article", id);
        var ticket = api.Tickets.Live(article.TicketId) ?? throw ZammadFailure.NotFound("Ticket::Article", id);
        return call.CanRead(ticket) && (call.User.IsAgent || !article.Internal) ? article : throw ZammadFailure.NotAuthorized();
    }

    private IResult ByTicket(HttpContext context, string ticketId)
    {
        var call = ZammadCall.Of(context);
        var json = api.ArticleJson;
        lock (api.Gate)
        {
            var ticket = TicketRoutes.Readable(api, call, TicketRoutes.ParseId(ticketId));
            var visible = api.Articles.LiveOf(ticket.Id).Where(a => call.User.IsAgent || !a.Internal);
            return ZammadResults.Json(new JsonArray(visible.OrderBy(a => a.Id).Select(a => (JsonNode?)json.Render(a)).ToArray()));
        }
    }

    private IResult Get(HttpContext context, string id)
    {
        var call = ZammadCall.Of(context);
        lock (api.Gate)
        {
            return ZammadResults.Json(api.ArticleJson.Render(Readable(api, call, id)));
        }
    }

    private IResult Create(HttpContext context)
    {
        var call = ZammadCall.Of(context);
        var ticketId = TicketRoutes.ParseId(call.Params.String("ticket_id") ?? string.Empty);
        var body = new JsonObject();
        foreach (var key in call.Params.Keys)
        {
            body[key] = call.Params.Node(key)?.DeepClone();
        }

        lock (api.Gate)
        {
            // Like the server's controller: find and authorize the ticket, then validate the article.
            var ticket = TicketRoutes.Readable(api, call, ticketId);
            var now = api.Clock.Next();
            var article = ArticleReader.Read(body, api.Lookups, call.User, now)!;
            api.Tickets.AddArticle(ticket, article);
            new TimeAccountingRecorder(api).RecordArticleTime(ticket, article);
            ticket.UpdatedAt = now;
            ticket.UpdatedById = call.User.Id;
            return ZammadResults.Json(api.ArticleJson.Render(article), StatusCodes.Status201Created);
        }
    }
}
