using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// A stored link row (type, source S, target X) between two tickets, docs/contracts/zammad.md, Links: X lists
/// <see cref="Type"/> → S, S lists the inverse type → X.
/// </summary>
/// <param name="Id">Row id.</param>
/// <param name="Type"><c>normal</c>, <c>parent</c> or <c>child</c>.</param>
/// <param name="SourceId">Source ticket id.</param>
/// <param name="TargetId">Target ticket id.</param>
/// <param name="CreatedAt">Creation time.</param>
public sealed record ZammadLink(int Id, string Type, int SourceId, int TargetId, DateTime CreatedAt)
{
    /// <summary>Type as seen from the other end: parent ↔ child, normal ↔ normal.</summary>
    public static string Inverse(string type) => type switch
    {
        "parent" => "child",
        "child" => "parent",
        _ => type,
    };

    /// <summary>Lookup-table id of a link type (normal 1, parent 2, child 3).</summary>
    public static int TypeId(string type) => type switch
    {
        "parent" => 2,
        "child" => 3,
        _ => 1,
    };

    /// <summary>The row form of add/remove answers (<c>*_id</c> are lookup ids; Ticket = 1).</summary>
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["link_type_id"] = TypeId(Type),
        ["link_object_source_id"] = 1,
        ["link_object_source_value"] = SourceId,
        ["link_object_target_id"] = 1,
        ["link_object_target_value"] = TargetId,
        ["created_at"] = ZammadTime.Format(CreatedAt),
        ["updated_at"] = ZammadTime.Format(CreatedAt),
    };
}
