using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad.Search;

/// <summary>
/// Search ordering: <c>sort_by</c> names any ticket field (<c>id</c>, <c>number</c>, <c>title</c>,
/// <c>created_at</c>, <c>updated_at</c>, the <c>*_id</c> fields, <c>close_at</c>, <c>pending_time</c>,
/// <c>last_contact_at</c>, <c>note</c>, or a custom field); anything else sorts by <c>updated_at</c>.
/// <c>order_by</c> is <c>asc</c> or <c>desc</c> (default desc). Only the first entry of a
/// comma-separated list counts. Ties are broken by id ascending, so pages are stable.
/// Text compares ordinally ignoring case; nulls sort first ascending.
/// </summary>
public static class TicketSort
{
    private static readonly Dictionary<string, Func<ZammadTicket, IComparable?>> Keys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = t => t.Id,
        ["number"] = t => t.Number,
        ["title"] = t => t.Title.ToUpperInvariant(),
        ["created_at"] = t => t.CreatedAt,
        ["updated_at"] = t => t.UpdatedAt,
        ["state_id"] = t => t.StateId,
        ["priority_id"] = t => t.PriorityId,
        ["group_id"] = t => t.GroupId,
        ["owner_id"] = t => t.OwnerId,
        ["customer_id"] = t => t.CustomerId,
        ["organization_id"] = t => t.OrganizationId,
        ["created_by_id"] = t => t.CreatedById,
        ["updated_by_id"] = t => t.UpdatedById,
        ["close_at"] = t => t.CloseAt,
        ["pending_time"] = t => t.PendingTime,
        ["last_contact_at"] = t => t.LastContactAt,
        ["note"] = t => t.Note?.ToUpperInvariant(),
    };

    /// <summary>Sorts in place.</summary>
    public static void Sort(List<ZammadTicket> tickets, string? sortBy, string? orderBy, IReadOnlyCollection<string> customFields)
    {
        var field = First(sortBy);
        var key = Keys.GetValueOrDefault(field)
            ?? (customFields.FirstOrDefault(f => f.Equals(field, StringComparison.OrdinalIgnoreCase)) is { } custom ? t => CustomKey(t, custom) : Keys["updated_at"]);
        var descending = !First(orderBy).Equals("asc", StringComparison.OrdinalIgnoreCase);
        tickets.Sort((a, b) =>
        {
            var compared = Compare(key(a), key(b));
            if (descending)
            {
                compared = -compared;
            }

            return compared != 0 ? compared : a.Id.CompareTo(b.Id);
        });
    }

    private static string First(string? list) => (list ?? string.Empty).Split(',')[0].Trim();

    private static IComparable? CustomKey(ZammadTicket ticket, string field) => ticket.CustomFields.GetValueOrDefault(field) switch
    {
        null => null,
        JsonValue v when v.TryGetValue<double>(out var number) => number,
        JsonValue v when v.TryGetValue<string>(out var text) => text.ToUpperInvariant(),
        var other => other.ToJsonString(),
    };

    private static int Compare(IComparable? a, IComparable? b)
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : -1) : 1;
        }

        if (a is string sa && b is string sb)
        {
            return string.CompareOrdinal(sa, sb);
        }

        // Mixed types (custom fields holding numbers and strings): compare their text.
        return a.GetType() == b.GetType() ? a.CompareTo(b) : string.CompareOrdinal(a.ToString(), b.ToString());
    }
}
