namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// Applies a time accounting change to a live ticket the way the server's callback does: the
/// ticket's <c>time_unit</c> is recomputed, so the ticket is saved (<c>updated_at</c>, <c>updated_by_id</c>)
/// and, when the sum changed, an <c>updated</c> history row with attribute <c>time_unit</c> (old and
/// new sums as decimal strings) is written. Callers hold the Zammad lock.
/// </summary>
internal sealed class TimeAccountingRecorder(ZammadApi api)
{
    /// <summary>Runs <paramref name="change"/> and records its effect on <paramref name="ticket"/>.</summary>
    public T Apply<T>(ZammadTicket ticket, int actorId, DateTime now, Func<T> change)
    {
        var before = api.TimeAccountings.SumOf(ticket.Id);
        var result = change();
        var after = api.TimeAccountings.SumOf(ticket.Id);
        if (before != after)
        {
            api.History.Add(new ZammadHistoryEntry
            {
                OId = ticket.Id,
                Type = "updated",
                Attribute = "time_unit",
                ValueFrom = ZammadTimeUnit.Format(before),
                ValueTo = ZammadTimeUnit.Format(after),
                CreatedById = actorId,
                CreatedAt = now,
            });
        }

        ticket.UpdatedAt = now;
        ticket.UpdatedById = actorId;
        return result;
    }

    /// <summary>Records the <c>time_unit</c> sent with a just-stored article (no type, linked to the article).</summary>
    public void RecordArticleTime(ZammadTicket ticket, ZammadArticle article)
    {
        if (article.PendingTimeUnit is not { } amount)
        {
            return;
        }

        article.PendingTimeUnit = null;
        Apply(ticket, article.CreatedById, article.CreatedAt, () => api.TimeAccountings.Add(new ZammadTimeAccounting
        {
            TicketId = ticket.Id,
            TicketArticleId = article.Id,
            TimeUnit = amount,
            CreatedById = article.CreatedById,
            CreatedAt = article.CreatedAt,
            UpdatedAt = article.CreatedAt,
        }));
    }
}
