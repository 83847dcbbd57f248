using System.Globalization;
using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// Link add and remove, docs/contracts/zammad.md, Links, Link schemas and Idempotency and side effects (agents only).
/// <list type="bullet">
/// <item><c>POST /links/add</c>: source by ticket <b>number</b>, target by ticket <b>id</b>; stores
/// (type, source, target), so the target lists the source with <c>link_type</c> and the source lists
/// the target with the inverse. 201 with the row; the same link again (from either viewpoint) answers
/// the existing row, still 201, without a change.</item>
/// <item><c>DELETE /links/remove</c>: both ends by id; removes (type, S, X) and (inverse, X, S). 201
/// with the removed rows, <c>[]</c> when there were none (also for unknown tickets: nothing to remove).</item>
/// </list>
/// A change bumps both tickets' <c>updated_at</c> and writes one history row on each ticket
/// (<c>added</c>/<c>removed</c>, attribute = the link type as that ticket lists it, <c>value_to</c> = the
/// other ticket's number, <c>id_to</c> = its id). Linking a ticket to itself is refused (422).
/// </summary>
internal sealed class LinkEditRoutes(ZammadApi api)
{
    private const string NoSuchObject = "No such object!";

    /// <summary>Maps the endpoints onto the authenticated Zammad group.</summary>
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/links/add", Add);
        routes.MapDelete("/links/remove", Remove);
    }

    private IResult Add(HttpContext context)
    {
        var call = ZammadCall.Of(context);
        call.RequireAgent();
        var p = call.Params;
        lock (api.Gate)
        {
            // Order of the server's controller: source by number, then target, then the link type.
            var source = (p.String("link_object_source") == "Ticket" ? api.Tickets.LiveByNumber(p.String("link_object_source_number") ?? string.Empty) : null)
                ?? throw ZammadFailure.Unprocessable(NoSuchObject);
            var target = (p.String("link_object_target") == "Ticket" && p.Int("link_object_target_value") is { } targetId ? api.Tickets.Live(targetId) : null)
                ?? throw ZammadFailure.Unprocessable(NoSuchObject);
            var type = LinkType(p);
            if (source.Id == target.Id)
            {
                throw ZammadFailure.Unprocessable("Can't link a ticket to itself.");
            }

            var now = api.Clock.Next();
            var (row, created) = api.Links.TryAdd(type, source.Id, target.Id, now);
            if (created)
            {
                Touch(row, "added", call.User.Id, now);
            }

            return ZammadResults.Json(row.ToJson(), StatusCodes.Status201Created);
        }
    }

    private IResult Remove(HttpContext context)
    {
        var call = ZammadCall.Of(context);
        call.RequireAgent();
        var p = call.Params;
        var type = LinkType(p);
        lock (api.Gate)
        {
            var removed = p.Int("link_object_source_value") is { } sourceId && p.Int("link_object_target_value") is { } targetId
                ? api.Links.Remove(type, sourceId, targetId)
                : [];
            var now = api.Clock.Next();
            foreach (var row in removed)
            {
                Touch(row, "removed", call.User.Id, now);
            }

            return ZammadResults.Json(new JsonArray(removed.Select(r => (JsonNode?)r.ToJson()).ToArray()), StatusCodes.Status201Created);
        }
    }

    private static string LinkType(ZammadParams p)
    {
        var type = p.String("link_type") ?? string.Empty;
        return type is "normal" or "parent" or "child" ? type : throw ZammadFailure.Unprocessable($"No such link type '{type}'");
    }

    /// <summary>Bumps both ends and writes their history rows, each from that ticket's viewpoint.</summary>
    private void Touch(ZammadLink row, string historyType, int actorId, DateTime now)
    {
        // The target lists the row's type, the source its inverse (docs/contracts/zammad.md, Links).
        foreach (var (self, other, seenAs) in new[] { (row.TargetId, row.SourceId, row.Type), (row.SourceId, row.TargetId, ZammadLink.Inverse(row.Type)) })
        {
            if (api.Tickets.Live(self) is not { } ticket)
            {
                continue;
            }

            ticket.UpdatedAt = now;
            ticket.UpdatedById = actorId;
            api.History.Add(new ZammadHistoryEntry
            {
                OId = self,
                Type = historyType,
                Attribute = seenAs,
                ValueTo = api.Tickets.Live(other)?.Number ?? other.ToString(CultureInfo.InvariantCulture),
                IdTo = other,
                CreatedById = actorId,
                CreatedAt = now,
            });
        }
    }
}
