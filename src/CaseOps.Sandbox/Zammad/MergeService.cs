using System.Globalization;
using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// Ticket merge (docs/contracts/zammad.md, Merging tickets and Merge answer). Source → state <c>merged</c>, owner 1, its articles move to
/// the target, a public <c>merged</c> note is added to it, history <c>merged_into</c> /
/// <c>received_merge</c>, a parent/child link (target lists the source as child), the source's
/// other links move to the target, and both tickets' <c>updated_at</c> are bumped — all under one lock.
/// </summary>
internal sealed class MergeService(ZammadApi api)
{
    /// <summary>Answers the 200 body (success or failed); throws for the 403/422 cases.</summary>
    public JsonObject Merge(ZammadCall call, string sourceId, string targetNumber)
    {
        lock (api.Gate)
        {
            // Target first, like the server's controller.
            if (api.Tickets.LiveByNumber(targetNumber) is not { } target)
            {
                return Failed("The target ticket number could not be found.");
            }

            if (!int.TryParse(sourceId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || api.Tickets.Live(id) is not { } source)
            {
                return Failed("The source ticket could not be found.");
            }

            call.RequireAgent();
            if (source.Id == target.Id)
            {
                throw ZammadFailure.Unprocessable("A ticket cannot be merged into itself.");
            }

            if (target.StateId == ZammadState.MergedId)
            {
                throw ZammadFailure.Unprocessable("It is not possible to merge into an already merged ticket.");
            }

            // Emulator choice (docs/contracts/zammad.md, Idempotency and side effects, leaves it open): merging a merged ticket again is refused.
            if (source.StateId == ZammadState.MergedId)
            {
                throw ZammadFailure.Unprocessable("It is not possible to merge an already merged ticket.");
            }

            var json = api.Json;
            var targetBefore = json.Plain(target);
            var actor = call.User;
            var now = api.Clock.Next();

            api.Articles.Move(source.Id, target.Id);
            api.Tickets.AddArticle(source, new ZammadArticle
            {
                TypeId = ZammadLookups.NoteType,
                SenderId = ZammadLookups.AgentSender,
                Body = "merged",
                From = actor.FullName,
                Internal = false,
                CreatedById = actor.Id,
                CreatedAt = now,
            });
            source.StateId = ZammadState.MergedId;
            source.OwnerId = ZammadUser.SystemId;
            source.UpdatedById = actor.Id;
            source.UpdatedAt = now;

            var link = api.Links.Add("parent", target.Id, source.Id, now);
            api.Links.Move(source.Id, target.Id, link.Id);

            var history = new ZammadHistoryEntry { IdFrom = source.Id, IdTo = target.Id, ValueFrom = source.Number, ValueTo = target.Number, CreatedById = actor.Id, CreatedAt = now };
            api.History.Add(history with { OId = source.Id, Type = "merged_into" });
            api.History.Add(history with { OId = target.Id, Type = "received_merge" });

            target.UpdatedAt = api.Clock.Next();
            target.UpdatedById = actor.Id;

            return new JsonObject
            {
                ["result"] = "success",
                ["target_ticket"] = targetBefore,
                ["source_ticket"] = ChangedFirst(json.Plain(source)),
            };
        }
    }

    private static JsonObject Failed(string message) => new() { ["result"] = "failed", ["message"] = message };

    /// <summary>The server answers the source with its changed keys first; mirror that order.</summary>
    private static JsonObject ChangedFirst(JsonObject ticket)
    {
        string[] first = ["state_id", "owner_id", "updated_by_id", "updated_at", "article_count"];
        var ordered = new JsonObject();
        foreach (var key in first)
        {
            ordered[key] = ticket[key]?.DeepClone();
        }

        foreach (var (key, value) in ticket)
        {
            if (!first.Contains(key))
            {
                ordered[key] = value?.DeepClone();
            }
        }

        return ordered;
    }
}
