namespace CaseOps.Sandbox.Incydr;

/// <summary>
/// Sorts cases for <c>srtKey</c>/<c>srtDir</c>. Rules: nulls are the smallest value (first when
/// ascending, last when descending); names and usernames compare case-insensitively, then
/// ordinally; status compares by wire name (ARCHIVED &lt; CLOSED &lt; OPEN); ties always fall back to
/// number ascending, so pages never overlap or skip.
/// <para>
/// Speed matters (100,000 records per page request): instead of a comparer called ~2 million
/// times, each key is extracted once into a primitive array and sorted with the runtime's array
/// sort; runs of equal keys are then sorted by the next key, recursively, ending with the number.
/// </para>
/// </summary>
public static class CaseOrdering
{
    /// <summary>True when the order is decided by "number ascending" alone, i.e. the store's own order.</summary>
    public static bool IsNumberAscending(IReadOnlyList<CaseSortKey> sort) =>
        sort.Count > 0 && sort[0] is { Field: CaseSortField.number, Descending: false };

    /// <summary>True when the order is decided by "number descending" alone, i.e. the store's order reversed.</summary>
    public static bool IsNumberDescending(IReadOnlyList<CaseSortKey> sort) =>
        sort.Count > 0 && sort[0] is { Field: CaseSortField.number, Descending: true };

    /// <summary>Sorts <paramref name="items"/> in place.</summary>
    public static void Sort(CaseRecord[] items, IReadOnlyList<CaseSortKey> sort)
    {
        var buffers = new Buffers(items.Length);
        SortRange(items, 0, items.Length, sort, 0, buffers);
    }

    private static void SortRange(CaseRecord[] items, int start, int length, IReadOnlyList<CaseSortKey> sort, int level, Buffers buffers)
    {
        if (length < 2)
        {
            return;
        }

        // Past the last requested key (or at an explicit number key) the number decides; numbers are unique.
        var key = level < sort.Count ? sort[level] : new CaseSortKey(CaseSortField.number, false);
        if (key.Field == CaseSortField.name)
        {
            SortByName(items, start, length, sort, level, key.Descending, buffers);
            return;
        }

        var keys = buffers.Longs;
        var ranks = key.Field is CaseSortField.assigneeUsername or CaseSortField.subjectUsername
            ? UsernameRanks(items, start, length, key.Field)
            : null;
        for (var i = start; i < start + length; i++)
        {
            var value = Extract(items[i], key.Field, ranks);

            // Bitwise complement reverses the order exactly (no overflow at long.MinValue).
            keys[i] = key.Descending ? ~value : value;
        }

        Array.Sort(keys, items, start, length);
        if (key.Field == CaseSortField.number)
        {
            return;
        }

        for (var runStart = start; runStart < start + length;)
        {
            var runEnd = runStart + 1;
            while (runEnd < start + length && keys[runEnd] == keys[runStart])
            {
                runEnd++;
            }

            SortRange(items, runStart, runEnd - runStart, sort, level + 1, buffers);
            runStart = runEnd;
        }
    }

    // Names: upper-cased key ordinally (case-insensitive), then the name itself ordinally, then the next key.
    private static void SortByName(CaseRecord[] items, int start, int length, IReadOnlyList<CaseSortKey> sort, int level, bool descending, Buffers buffers)
    {
        SortByText(items, start, length, record => record.NameSortKey, descending, buffers, (runStart, runLength) =>
            SortByText(items, runStart, runLength, record => record.Name, descending, buffers, (innerStart, innerLength) =>
                SortRange(items, innerStart, innerLength, sort, level + 1, buffers)));
    }

    private static void SortByText(CaseRecord[] items, int start, int length, Func<CaseRecord, string> select, bool descending, Buffers buffers, Action<int, int> sortRun)
    {
        var keys = buffers.Strings;
        for (var i = start; i < start + length; i++)
        {
            keys[i] = select(items[i]);
        }

        Array.Sort(keys, items, start, length, StringComparer.Ordinal);
        if (descending)
        {
            Array.Reverse(keys, start, length);
            Array.Reverse(items, start, length);
        }

        for (var runStart = start; runStart < start + length;)
        {
            var runEnd = runStart + 1;
            while (runEnd < start + length && string.Equals(keys[runEnd], keys[runStart], StringComparison.Ordinal))
            {
                runEnd++;
            }

            if (runEnd - runStart > 1)
            {
                sortRun(runStart, runEnd - runStart);
            }

            runStart = runEnd;
        }
    }

    private static long Extract(CaseRecord record, CaseSortField field, Dictionary<string, long>? ranks) => field switch
    {
        CaseSortField.number => record.Number,
        CaseSortField.createdAt => record.CreatedAt.Ticks,
        CaseSortField.updatedAt => record.UpdatedAt.Ticks,
        CaseSortField.archivalTime => record.ArchivalTime?.Ticks ?? long.MinValue,
        CaseSortField.status => record.Status switch
        {
            CaseStatus.ARCHIVED => 0,
            CaseStatus.CLOSED => 1,
            _ => 2,
        },
        CaseSortField.assigneeUsername => Rank(record.Assignee, ranks!),
        CaseSortField.subjectUsername => Rank(record.Subject, ranks!),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    private static long Rank(SandboxUser? user, Dictionary<string, long> ranks) =>
        user is null ? long.MinValue : ranks[user.Username];

    // Few distinct users: rank their usernames once, then sort the records by rank.
    private static Dictionary<string, long> UsernameRanks(CaseRecord[] items, int start, int length, CaseSortField field)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = start; i < start + length; i++)
        {
            var user = field == CaseSortField.assigneeUsername ? items[i].Assignee : items[i].Subject;
            if (user is not null)
            {
                names.Add(user.Username);
            }
        }

        var ordered = names.ToArray();
        Array.Sort(ordered, (a, b) =>
        {
            var result = string.Compare(a, b, StringComparison.OrdinalIgnoreCase);
            return result != 0 ? result : string.CompareOrdinal(a, b);
        });
        var ranks = new Dictionary<string, long>(ordered.Length, StringComparer.Ordinal);
        for (var i = 0; i < ordered.Length; i++)
        {
            ranks[ordered[i]] = i;
        }

        return ranks;
    }

    // One key buffer of each kind, shared by all levels: a level only writes inside its own range,
    // and reads the run boundaries of that range before recursing into it.
    private sealed class Buffers(int length)
    {
        public long[] Longs { get; } = new long[length];

        public string[] Strings { get; } = new string[length];
    }
}
