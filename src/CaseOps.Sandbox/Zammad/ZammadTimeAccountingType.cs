using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad;

/// <summary>An activity type of time accounting (<c>GET /time_accounting/types</c>).</summary>
/// <param name="Id">Type id.</param>
/// <param name="Name">Name, e.g. <c>Research</c>.</param>
/// <param name="Active">Inactive types stay resolvable (old entries keep them) but the UI hides them.</param>
/// <param name="CreatedAt">Creation time (also its update time; types are not edited).</param>
public sealed record ZammadTimeAccountingType(int Id, string Name, bool Active, DateTime CreatedAt)
{
    /// <summary>The wire form.</summary>
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["note"] = null,
        ["active"] = Active,
        ["created_at"] = ZammadTime.Format(CreatedAt),
        ["updated_at"] = ZammadTime.Format(CreatedAt),
    };
}
