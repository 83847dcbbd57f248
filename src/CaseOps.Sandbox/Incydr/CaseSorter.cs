namespace CaseOps.Sandbox.Incydr;

/// <summary>
/// Builds comparers for <c>srtKey</c>/<c>srtDir</c>. Nulls sort as the smallest value (first when
/// ascending, last when descending); names and usernames compare case-insensitively, then
/// ordinally; status compares by wire name. Ties always fall back to number ascending, so pages
/// never overlap or skip.
/// </summary>
public static class CaseSorter
{
    /// <summary>True when the order is just "number ascending", i.e. the store's own order.</summary>
    public static bool IsNumberAscending(IReadOnlyList<CaseSortKey> sort) =>
        sort.Count > 0 && sort[0] is { Field: CaseSortField.number, Descending: false };

    /// <summary>True when the order is just "number descending", i.e. the store's order reversed.</summary>
    public static bool IsNumberDescending(IReadOnlyList<CaseSortKey> sort) =>
        sort.Count > 0 && sort[0] is { Field: CaseSortField.number, Descending: true };

    /// <summary>A total order over records for the given criteria.</summary>
    public static Comparison<CaseRecord> Build(IReadOnlyList<CaseSortKey> sort)
    {
        var parts = new List<Comparison<CaseRecord>>(sort.Count + 1);
        foreach (var key in sort)
        {
            var compare = ForField(key.Field);
            parts.Add(key.Descending ? (a, b) => compare(b, a) : compare);
            if (key.Field == CaseSortField.number)
            {
                // Numbers are unique: nothing after this key can matter.
                break;
            }
        }

        parts.Add(ForField(CaseSortField.number));
        var chain = parts.ToArray();
        return (a, b) =>
        {
            foreach (var part in chain)
            {
                var result = part(a, b);
                if (result != 0)
                {
                    return result;
                }
            }

            return 0;
        };
    }

    private static Comparison<CaseRecord> ForField(CaseSortField field) => field switch
    {
        CaseSortField.number => (a, b) => a.Number.CompareTo(b.Number),
        CaseSortField.name => (a, b) => CompareText(a.Name, b.Name),
        CaseSortField.createdAt => (a, b) => a.CreatedAt.CompareTo(b.CreatedAt),
        CaseSortField.updatedAt => (a, b) => a.UpdatedAt.CompareTo(b.UpdatedAt),
        CaseSortField.status => (a, b) => StatusRank(a.Status).CompareTo(StatusRank(b.Status)),
        CaseSortField.assigneeUsername => (a, b) => CompareText(a.Assignee?.Username, b.Assignee?.Username),
        CaseSortField.subjectUsername => (a, b) => CompareText(a.Subject?.Username, b.Subject?.Username),
        CaseSortField.archivalTime => (a, b) => Nullable.Compare(a.ArchivalTime, b.ArchivalTime),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    // Alphabetical by wire name (ARCHIVED < CLOSED < OPEN), without formatting enums per comparison.
    private static int StatusRank(CaseStatus status) => status switch
    {
        CaseStatus.ARCHIVED => 0,
        CaseStatus.CLOSED => 1,
        _ => 2,
    };

    private static int CompareText(string? a, string? b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }

        if (a is null)
        {
            return -1;
        }

        if (b is null)
        {
            return 1;
        }

        var result = string.Compare(a, b, StringComparison.OrdinalIgnoreCase);
        return result != 0 ? result : string.CompareOrdinal(a, b);
    }
}
