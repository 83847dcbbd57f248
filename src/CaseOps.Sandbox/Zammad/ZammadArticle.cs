namespace CaseOps.Sandbox.Zammad;

/// <summary>A ticket article (email, note, …). Mutable only under the store lock (a merge moves it).</summary>
public sealed class ZammadArticle
{
    /// <summary>Article id.</summary>
    public int Id { get; internal set; }

    /// <summary>Ticket it belongs to.</summary>
    public int TicketId { get; internal set; }

    /// <summary>Article type id.</summary>
    public int TypeId { get; internal set; } = ZammadLookups.NoteType;

    /// <summary>Sender id.</summary>
    public int SenderId { get; internal set; } = ZammadLookups.AgentSender;

    /// <summary>From header or agent name.</summary>
    public string? From { get; internal set; }

    /// <summary>To header.</summary>
    public string? To { get; internal set; }

    /// <summary>Cc header.</summary>
    public string? Cc { get; internal set; }

    /// <summary>Subject.</summary>
    public string? Subject { get; internal set; }

    /// <summary>Body text.</summary>
    public string Body { get; internal set; } = string.Empty;

    /// <summary><c>text/plain</c> or <c>text/html</c>.</summary>
    public string ContentType { get; internal set; } = "text/plain";

    /// <summary>Internal notes are hidden from customers.</summary>
    public bool Internal { get; internal set; }

    /// <summary>Creator.</summary>
    public int CreatedById { get; internal set; }

    /// <summary>Creation time.</summary>
    public DateTime CreatedAt { get; internal set; }

    /// <summary>Files attached at creation, in the order sent.</summary>
    public IReadOnlyList<ZammadAttachment> Attachments { get; internal set; } = [];

    /// <summary>
    /// <c>time_unit</c> sent with the article (recorded as a time accounting once the article has
    /// an id); kept only between reading the request and storing the article.
    /// </summary>
    internal decimal? PendingTimeUnit { get; set; }

    /// <summary>A copy (attachments are immutable, so the list is shared).</summary>
    public ZammadArticle Clone() => (ZammadArticle)MemberwiseClone();
}
