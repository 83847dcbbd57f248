using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad;

/// <summary>One time accounting entry (docs/contracts/zammad.md, Time accounting schema). Immutable; edits store a changed copy.</summary>
public sealed record ZammadTimeAccounting
{
    /// <summary>Entry id.</summary>
    public int Id { get; init; }

    /// <summary>Ticket the time was spent on.</summary>
    public int TicketId { get; init; }

    /// <summary>Article it belongs to, or null.</summary>
    public int? TicketArticleId { get; init; }

    /// <summary>Amount (two decimals).</summary>
    public decimal TimeUnit { get; init; }

    /// <summary>Activity type id, or null.</summary>
    public int? TypeId { get; init; }

    /// <summary>Who recorded it.</summary>
    public int CreatedById { get; init; }

    /// <summary>Creation time.</summary>
    public DateTime CreatedAt { get; init; }

    /// <summary>Last change.</summary>
    public DateTime UpdatedAt { get; init; }

    /// <summary>The wire form; <c>time_unit</c> is a decimal string.</summary>
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["ticket_id"] = TicketId,
        ["ticket_article_id"] = TicketArticleId,
        ["time_unit"] = ZammadTimeUnit.Format(TimeUnit),
        ["type_id"] = TypeId,
        ["created_by_id"] = CreatedById,
        ["created_at"] = ZammadTime.Format(CreatedAt),
        ["updated_at"] = ZammadTime.Format(UpdatedAt),
    };
}
