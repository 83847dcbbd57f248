using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad;

/// <summary>One history row (docs/contracts/zammad.md, History schema). Immutable.</summary>
public sealed record ZammadHistoryEntry
{
    /// <summary>Row id.</summary>
    public int Id { get; init; }

    /// <summary>Id of the object the row is about.</summary>
    public int OId { get; init; }

    /// <summary><c>Ticket</c> or <c>Ticket::Article</c>.</summary>
    public string Object { get; init; } = "Ticket";

    /// <summary><c>created</c>, <c>updated</c>, <c>added</c>, <c>removed</c>, <c>merged_into</c>, <c>received_merge</c>.</summary>
    public string Type { get; init; } = "created";

    /// <summary>Changed attribute (<c>state</c>, <c>tag</c>, …) or null.</summary>
    public string? Attribute { get; init; }

    /// <summary>Old value (text) or null.</summary>
    public string? ValueFrom { get; init; }

    /// <summary>New value (text) or null.</summary>
    public string? ValueTo { get; init; }

    /// <summary>Old id or null.</summary>
    public int? IdFrom { get; init; }

    /// <summary>New id or null.</summary>
    public int? IdTo { get; init; }

    /// <summary>Id of the related object (an article's ticket) or null.</summary>
    public int? RelatedOId { get; init; }

    /// <summary>Class of the related object or null.</summary>
    public string? RelatedObject { get; init; }

    /// <summary>Who made the change.</summary>
    public int CreatedById { get; init; }

    /// <summary>When.</summary>
    public DateTime CreatedAt { get; init; }

    /// <summary>The wire form: optional pairs appear together, and their absence is marked by the null placeholders Zammad sends.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["o_id"] = OId,
            ["created_by_id"] = CreatedById,
            ["created_at"] = ZammadTime.Format(CreatedAt),
            ["object"] = Object,
            ["type"] = Type,
            ["sourceable_type"] = null,
            ["sourceable_id"] = null,
            ["sourceable_name"] = null,
        };
        if (Attribute is not null)
        {
            json["attribute"] = Attribute;
        }
        else
        {
            json["history_attribute_id"] = null;
        }

        if (ValueFrom is not null || ValueTo is not null)
        {
            json["value_from"] = ValueFrom;
            json["value_to"] = ValueTo;
        }

        if (IdFrom is not null || IdTo is not null)
        {
            json["id_from"] = IdFrom;
            json["id_to"] = IdTo;
        }

        if (RelatedOId is not null)
        {
            json["related_o_id"] = RelatedOId;
            json["related_object"] = RelatedObject;
        }
        else
        {
            json["related_history_object_id"] = null;
        }

        return json;
    }
}
