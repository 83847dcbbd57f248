namespace CaseOps.Sandbox.Zammad.Search;

/// <summary>
/// The <c>field:value</c> names search understands. Ids and <c>number</c> match exactly, <c>tags</c>
/// matches one whole tag (case-insensitive), text fields match a case-insensitive substring; custom
/// fields match a substring when the stored value is a string and exactly otherwise.
/// </summary>
public static class TicketQueryFields
{
    /// <summary>Integer fields, matched exactly.</summary>
    public static readonly IReadOnlyList<string> IdFields = ["id", "state_id", "priority_id", "group_id", "owner_id", "customer_id"];

    /// <summary>Text fields, matched as case-insensitive substrings.</summary>
    public static readonly IReadOnlyList<string> TextFields =
        ["title", "state.name", "priority.name", "group.name", "owner.login", "customer.email", "customer.login"];

    /// <summary>The lower-case canonical name of a known field (custom names as configured), or null when unknown.</summary>
    public static string? Normalize(string name, IReadOnlyCollection<string> customFields)
    {
        var lower = name.ToLowerInvariant();
        if (IdFields.Contains(lower) || TextFields.Contains(lower) || lower is "number" or "tags")
        {
            return lower;
        }

        return customFields.FirstOrDefault(f => f.Equals(name, StringComparison.OrdinalIgnoreCase));
    }
}
