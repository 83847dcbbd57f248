using CaseOps.Sandbox.Incydr;

namespace CaseOps.Tests.Sandbox;

/// <summary>
/// Independent, slow-but-obvious model of the documented listing order, to check the emulator
/// against: nulls smallest, text case-insensitive then ordinal, status by wire name, ties by number asc.
/// </summary>
public static class CaseReference
{
    private static readonly Comparer<string?> Text = Comparer<string?>.Create((a, b) =>
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : -1) : 1;
        }

        var result = StringComparer.OrdinalIgnoreCase.Compare(a, b);
        return result != 0 ? result : StringComparer.Ordinal.Compare(a, b);
    });

    public static long[] Order(IEnumerable<CaseRecord> records, params (string Key, bool Desc)[] sort)
    {
        IOrderedEnumerable<CaseRecord>? ordered = null;
        foreach (var (key, desc) in sort)
        {
            ordered = key switch
            {
                "number" => By(ordered, records, r => r.Number, Comparer<long>.Default, desc),
                "name" => By(ordered, records, r => r.Name, Text, desc),
                "createdAt" => By(ordered, records, r => r.CreatedAt, Comparer<DateTime>.Default, desc),
                "updatedAt" => By(ordered, records, r => r.UpdatedAt, Comparer<DateTime>.Default, desc),
                "status" => By(ordered, records, r => r.Status.ToString(), StringComparer.Ordinal, desc),
                "assigneeUsername" => By(ordered, records, r => r.Assignee?.Username, Text, desc),
                "subjectUsername" => By(ordered, records, r => r.Subject?.Username, Text, desc),
                "archivalTime" => By(ordered, records, r => r.ArchivalTime, Comparer<DateTime?>.Default, desc),
                _ => throw new ArgumentException(key),
            };
        }

        ordered = ordered is null ? records.OrderBy(r => r.Number) : ordered.ThenBy(r => r.Number);
        return ordered.Select(r => r.Number).ToArray();
    }

    private static IOrderedEnumerable<CaseRecord> By<T>(IOrderedEnumerable<CaseRecord>? ordered, IEnumerable<CaseRecord> records, Func<CaseRecord, T> key, IComparer<T> comparer, bool desc) =>
        ordered is null
            ? (desc ? records.OrderByDescending(key, comparer) : records.OrderBy(key, comparer))
            : (desc ? ordered.ThenByDescending(key, comparer) : ordered.ThenBy(key, comparer));
}
