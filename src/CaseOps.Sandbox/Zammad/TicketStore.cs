using System.Globalization;

namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// The ticket table, id ascending. Shares the Zammad lock with the other stores so multi-store
/// changes (create with article and tags, merge, delete) are atomic. Public members hand out copies.
/// </summary>
public sealed class TicketStore
{
    /// <summary>Ticket numbers are this plus the id, as strings (<c>31001</c>, …).</summary>
    public const int NumberOffset = 31000;

    private readonly object gate;
    private readonly ZammadClock clock;
    private readonly ArticleStore articles;
    private readonly TagStore tags;
    private readonly HistoryStore history;
    private readonly List<ZammadTicket> tickets = [];
    private readonly Dictionary<int, ZammadTicket> byId = [];
    private int lastId;

    internal TicketStore(object gate, ZammadClock clock, ArticleStore articles, TagStore tags, HistoryStore history)
    {
        this.gate = gate;
        this.clock = clock;
        this.articles = articles;
        this.tags = tags;
        this.history = history;
    }

    /// <summary>Number of tickets stored.</summary>
    public int Count
    {
        get { lock (gate) { return tickets.Count; } }
    }

    /// <summary>A copy of the ticket with this id, or null.</summary>
    public ZammadTicket? Find(int id)
    {
        lock (gate)
        {
            return byId.GetValueOrDefault(id)?.Clone();
        }
    }

    /// <summary>A copy of the ticket with this number, or null.</summary>
    public ZammadTicket? FindByNumber(string number)
    {
        lock (gate)
        {
            return LiveByNumber(number)?.Clone();
        }
    }

    /// <summary>Copies of all tickets, id ascending.</summary>
    public IReadOnlyList<ZammadTicket> Snapshot()
    {
        lock (gate)
        {
            return tickets.Select(t => t.Clone()).ToArray();
        }
    }

    /// <summary>Plants a ticket (with optional note article and tags) without validation; answers a copy.</summary>
    public ZammadTicket Create(ZammadTicketDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var created = draft.CreatedAt is { } at ? ZammadTime.TruncateToMilliseconds(at) : clock.Next();
        var updated = draft.UpdatedAt is { } up ? ZammadTime.TruncateToMilliseconds(up) : created;
        clock.Observe(updated);
        var ticket = new ZammadTicket
        {
            Title = draft.Title,
            GroupId = draft.GroupId,
            CustomerId = draft.CustomerId,
            StateId = draft.StateId,
            PriorityId = draft.PriorityId,
            OwnerId = draft.OwnerId,
            OrganizationId = draft.OrganizationId,
            CreatedById = draft.ActorId,
            UpdatedById = draft.ActorId,
            CreatedAt = created,
            UpdatedAt = updated,
            CustomFields = draft.CustomFields.ToDictionary(p => p.Key, p => p.Value?.DeepClone(), StringComparer.Ordinal),
        };
        var article = draft.ArticleBody is { } body
            ? new ZammadArticle { Body = body, CreatedById = draft.ActorId, CreatedAt = created, Subject = draft.Title }
            : null;
        lock (gate)
        {
            return Insert(ticket, article is null ? [] : [article], draft.Tags).Clone();
        }
    }

    /// <summary>
    /// Stores a new ticket under the next id and number, with its articles and tags, and writes the
    /// <c>created</c> history rows. Callers hold the lock.
    /// </summary>
    internal ZammadTicket Insert(ZammadTicket ticket, IReadOnlyList<ZammadArticle> newArticles, IEnumerable<string> newTags)
    {
        lock (gate)
        {
            ticket.Id = ++lastId;
            ticket.Number = (NumberOffset + ticket.Id).ToString(CultureInfo.InvariantCulture);
            tickets.Add(ticket);
            byId[ticket.Id] = ticket;
            history.Add(new ZammadHistoryEntry { OId = ticket.Id, Type = "created", CreatedById = ticket.CreatedById, CreatedAt = ticket.CreatedAt });
            for (var i = 0; i < newArticles.Count; i++)
            {
                var article = newArticles[i];
                article.TicketId = ticket.Id;
                if (i == 0)
                {
                    ticket.CreateArticleTypeId = article.TypeId;
                    ticket.CreateArticleSenderId = article.SenderId;
                }

                AddArticle(ticket, article);
            }

            foreach (var tag in newTags)
            {
                if (tags.Add(ticket.Id, tag))
                {
                    history.Add(new ZammadHistoryEntry { OId = ticket.Id, Type = "added", Attribute = "tag", ValueTo = tag, CreatedById = ticket.CreatedById, CreatedAt = ticket.CreatedAt });
                }
            }

            return ticket;
        }
    }

    /// <summary>Adds an article to a live ticket with its history row and contact time. Callers hold the lock.</summary>
    internal void AddArticle(ZammadTicket ticket, ZammadArticle article)
    {
        article.TicketId = ticket.Id;
        articles.Add(article);
        ticket.LastContactAt = article.CreatedAt;
        history.Add(new ZammadHistoryEntry
        {
            OId = article.Id,
            Object = "Ticket::Article",
            Type = "created",
            RelatedOId = ticket.Id,
            RelatedObject = "Ticket",
            CreatedById = article.CreatedById,
            CreatedAt = article.CreatedAt,
        });
    }

    /// <summary>The live ticket (callers hold the lock and may change it).</summary>
    internal ZammadTicket? Live(int id) => byId.GetValueOrDefault(id);

    /// <summary>The live ticket with this number (callers hold the lock).</summary>
    internal ZammadTicket? LiveByNumber(string number) => tickets.Find(t => t.Number == number.Trim());

    /// <summary>Live tickets, id ascending (callers hold the lock).</summary>
    internal IReadOnlyList<ZammadTicket> LiveAll => tickets;

    /// <summary>Removes a ticket (not its dependants; the caller does those).</summary>
    internal bool Remove(int id)
    {
        lock (gate)
        {
            if (!byId.Remove(id, out var ticket))
            {
                return false;
            }

            tickets.Remove(ticket);
            return true;
        }
    }
}
