using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// Ticket tags, docs/contracts/zammad.md, Ticket tags: list a ticket's tags, add, remove (both idempotent: same document, Idempotency and side effects), and
/// tag search. Add/remove that change something bump the ticket's <c>updated_at</c> and write an
/// <c>added</c>/<c>removed</c> history row (attribute <c>tag</c>).
/// </summary>
internal sealed class TagRoutes(ZammadApi api)
{
    /// <summary>Maps the endpoints onto the authenticated Zammad group.</summary>
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/tags", List);
        routes.MapPost("/tags/add", Add);
        routes.MapDelete("/tags/remove", Remove);
        routes.MapGet("/tag_search", Search);
    }

    private IResult List(HttpContext context)
    {
        var call = ZammadCall.Of(context);
        lock (api.Gate)
        {
            var ticket = Target(call);
            return ZammadResults.Json(new JsonObject { ["tags"] = new JsonArray(api.Tags.TagsOf(ticket.Id).Select(t => (JsonNode?)t).ToArray()) });
        }
    }

    private IResult Add(HttpContext context)
    {
        var call = ZammadCall.Of(context);
        call.RequireAgent();
        var item = Item(call);
        lock (api.Gate)
        {
            var ticket = Target(call);
            if (api.Tags.Add(ticket.Id, item))
            {
                Touch(ticket, call, "added", item);
            }
        }

        return ZammadResults.Json(JsonValue.Create(true), StatusCodes.Status201Created);
    }

    private IResult Remove(HttpContext context)
    {
        var call = ZammadCall.Of(context);
        call.RequireAgent();
        var item = Item(call);
        lock (api.Gate)
        {
            var ticket = Target(call);
            if (api.Tags.Remove(ticket.Id, item) is { } removed)
            {
                Touch(ticket, call, "removed", removed);
            }
        }

        return ZammadResults.Json(JsonValue.Create(true));
    }

    private IResult Search(HttpContext context)
    {
        var call = ZammadCall.Of(context);
        var limit = Math.Max(1, call.Params.Int("limit") ?? 10);
        var hits = api.Tags.Search(call.Params.String("term") ?? string.Empty, limit);
        return ZammadResults.Json(new JsonArray(hits.Select(t => (JsonNode?)new JsonObject { ["id"] = t.Id, ["value"] = t.Name }).ToArray()));
    }

    private void Touch(ZammadTicket ticket, ZammadCall call, string type, string tag)
    {
        var now = api.Clock.Next();
        ticket.UpdatedAt = now;
        ticket.UpdatedById = call.User.Id;
        api.History.Add(new ZammadHistoryEntry { OId = ticket.Id, Type = type, Attribute = "tag", ValueTo = tag, CreatedById = call.User.Id, CreatedAt = now });
    }

    private static string Item(ZammadCall call) =>
        call.Params.String("item")?.Trim() is { Length: > 0 } item ? item : throw ZammadFailure.Unprocessable("Need 'item' param.");

    /// <summary>The ticket named by <c>object=Ticket</c> and <c>o_id</c>. Callers hold the lock.</summary>
    private ZammadTicket Target(ZammadCall call)
    {
        var objectName = call.Params.String("object") ?? string.Empty;
        if (objectName != "Ticket")
        {
            throw ZammadFailure.Unprocessable($"No such object '{objectName}'.");
        }

        var id = call.Params.String("o_id") ?? string.Empty;
        return TicketRoutes.Readable(api, call, TicketRoutes.ParseId(id));
    }
}
