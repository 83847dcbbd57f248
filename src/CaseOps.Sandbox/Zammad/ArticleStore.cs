namespace CaseOps.Sandbox.Zammad;

/// <summary>Ticket articles. Shares the Zammad lock (see <see cref="ZammadApi"/>) so a merge moves them atomically.</summary>
public sealed class ArticleStore
{
    private readonly object gate;
    private readonly List<ZammadArticle> articles = [];
    private int lastId;
    private int lastAttachmentId;

    internal ArticleStore(object gate) => this.gate = gate;

    /// <summary>Copies of the articles of a ticket, id ascending.</summary>
    public IReadOnlyList<ZammadArticle> ArticlesOf(int ticketId)
    {
        lock (gate)
        {
            return articles.Where(a => a.TicketId == ticketId).Select(a => a.Clone()).ToArray();
        }
    }

    /// <summary>A copy of the article with this id, or null.</summary>
    public ZammadArticle? Find(int id)
    {
        lock (gate)
        {
            return Live(id)?.Clone();
        }
    }

    /// <summary>The live article (callers hold the lock).</summary>
    internal ZammadArticle? Live(int id) => articles.Find(a => a.Id == id);

    /// <summary>Ids of a ticket's articles, id ascending (the ticket's <c>article_ids</c>).</summary>
    internal List<int> IdsOf(int ticketId)
    {
        lock (gate)
        {
            return articles.Where(a => a.TicketId == ticketId).Select(a => a.Id).ToList();
        }
    }

    /// <summary>Live articles of a ticket (callers hold the lock; search reads their text).</summary>
    internal IEnumerable<ZammadArticle> LiveOf(int ticketId) => articles.Where(a => a.TicketId == ticketId);

    /// <summary>Live articles grouped by ticket (one pass for search).</summary>
    internal ILookup<int, ZammadArticle> LiveByTicket() => articles.ToLookup(a => a.TicketId);

    /// <summary>Stores an article under the next id.</summary>
    internal ZammadArticle Add(ZammadArticle article)
    {
        lock (gate)
        {
            article.Id = ++lastId;
            article.Attachments = article.Attachments.Select(a => a.WithId(++lastAttachmentId)).ToArray();
            articles.Add(article);
            return article;
        }
    }

    /// <summary>Moves every article of one ticket to another (merge).</summary>
    internal void Move(int fromTicketId, int toTicketId)
    {
        lock (gate)
        {
            foreach (var article in articles.Where(a => a.TicketId == fromTicketId))
            {
                article.TicketId = toTicketId;
            }
        }
    }

    /// <summary>Drops a deleted ticket's articles.</summary>
    internal void RemoveTicket(int ticketId)
    {
        lock (gate)
        {
            articles.RemoveAll(a => a.TicketId == ticketId);
        }
    }
}
