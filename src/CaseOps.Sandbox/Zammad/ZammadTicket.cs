using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// A stored ticket. The store mutates its instances only under its lock and hands out copies
/// (<see cref="Clone"/>), so what a test holds never changes under it.
/// </summary>
public sealed class ZammadTicket
{
    /// <summary>Ticket id.</summary>
    public int Id { get; internal set; }

    /// <summary>Ticket number (digits, distinct from the id).</summary>
    public string Number { get; internal set; } = string.Empty;

    /// <summary>Title.</summary>
    public string Title { get; internal set; } = string.Empty;

    /// <summary>Group id.</summary>
    public int GroupId { get; internal set; }

    /// <summary>Priority id.</summary>
    public int PriorityId { get; internal set; }

    /// <summary>State id.</summary>
    public int StateId { get; internal set; }

    /// <summary>Owner user id (1 = unassigned).</summary>
    public int OwnerId { get; internal set; } = ZammadUser.SystemId;

    /// <summary>Customer user id.</summary>
    public int CustomerId { get; internal set; }

    /// <summary>Organization id or null.</summary>
    public int? OrganizationId { get; internal set; }

    /// <summary>Free-text note or null.</summary>
    public string? Note { get; internal set; }

    /// <summary>Pending time or null.</summary>
    public DateTime? PendingTime { get; internal set; }

    /// <summary>When the ticket was last closed, or null.</summary>
    public DateTime? CloseAt { get; internal set; }

    /// <summary>Time of the newest article, or null.</summary>
    public DateTime? LastContactAt { get; internal set; }

    /// <summary>Article type of the first article.</summary>
    public int CreateArticleTypeId { get; internal set; } = ZammadLookups.NoteType;

    /// <summary>Sender of the first article.</summary>
    public int CreateArticleSenderId { get; internal set; } = ZammadLookups.AgentSender;

    /// <summary>Creator.</summary>
    public int CreatedById { get; internal set; }

    /// <summary>Last modifier.</summary>
    public int UpdatedById { get; internal set; }

    /// <summary>Creation time.</summary>
    public DateTime CreatedAt { get; internal set; }

    /// <summary>Last change.</summary>
    public DateTime UpdatedAt { get; internal set; }

    /// <summary>Custom (object manager) attribute values as sent; absent keys are null on the wire.</summary>
    public Dictionary<string, JsonNode?> CustomFields { get; internal set; } = new(StringComparer.Ordinal);

    /// <summary>A deep copy.</summary>
    public ZammadTicket Clone()
    {
        var copy = (ZammadTicket)MemberwiseClone();
        copy.CustomFields = CustomFields.ToDictionary(p => p.Key, p => p.Value?.DeepClone(), StringComparer.Ordinal);
        return copy;
    }
}
