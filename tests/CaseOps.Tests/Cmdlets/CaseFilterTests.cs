using CaseOps.Incydr.Models;
using CaseOps.Sandbox.Incydr;
using CaseOps.Tests.Infrastructure;
using Xunit;
using CaseStatus = CaseOps.Incydr.Models.CaseStatus;
using SandboxStatus = CaseOps.Sandbox.Incydr.CaseStatus;

namespace CaseOps.Tests.Cmdlets;

/// <summary>
/// Every Get-Case filter and sort key, checked against the emulator's own records: the expected set is
/// computed here from the store, not taken from the server's answer.
/// </summary>
public sealed class CaseFilterTests : CmdletTestBase
{

    public CaseFilterTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private IReadOnlyList<CaseRecord> Store => Sandbox.Host.Cases.Snapshot();

    private IReadOnlyList<long> List(string arguments, Dictionary<string, object?>? parameters = null)
    {
        var declare = parameters == null ? string.Empty : "param(" + string.Join(", ", parameters.Keys.Select(k => "$" + k)) + ") ";
        return Session.Run(declare + "Get-Case -PageSize 30 " + arguments, parameters).AssertSuccess().Objects<Case>().Select(c => c.Number).ToList();
    }

    private static IReadOnlyList<long> Numbers(IEnumerable<CaseRecord> records) => records.Select(r => r.Number).OrderBy(n => n).ToList();

    [Fact]
    public void Status_filter_takes_one_or_many_statuses()
    {
        var closedOrArchived = Numbers(Store.Where(r => r.Status is SandboxStatus.CLOSED or SandboxStatus.ARCHIVED));

        Assert.NotEmpty(closedOrArchived);
        Assert.Equal(closedOrArchived, List("-Status Closed, Archived"));
        Assert.Equal(Numbers(Store.Where(r => r.Status == SandboxStatus.OPEN)), List("-Status Open"));
        Assert.Contains("status=CLOSED&status=ARCHIVED", Sandbox.Host.Requests.Entries.First(e => e.QueryString.Contains("CLOSED")).QueryString);
    }

    [Fact]
    public void Name_filter_matches_part_of_the_name()
    {
        var word = Store[3].Name.Split(' ').Last(w => w.Length > 3);
        var expected = Numbers(Store.Where(r => r.Name.Contains(word, StringComparison.OrdinalIgnoreCase)));

        Assert.Equal(expected, List("-Name $w", new() { ["w"] = word }));
    }

    [Fact]
    public void Assignee_subject_and_last_modifier_filters_match_user_ids()
    {
        var assignee = Store.First(r => r.Assignee != null).Assignee!.Uid;
        var subject = Store.First(r => r.Subject != null).Subject!.Uid;
        var modifier = Store.First(r => r.LastModifiedBy != null).LastModifiedBy!.Uid;

        Assert.Equal(Numbers(Store.Where(r => r.Assignee?.Uid == assignee)), List("-Assignee $u", new() { ["u"] = assignee }));
        Assert.Equal(Numbers(Store.Where(r => r.Subject?.Uid == subject)), List("-Subject $u", new() { ["u"] = subject }));
        Assert.Equal(Numbers(Store.Where(r => r.LastModifiedBy?.Uid == modifier)), List("-LastModifiedBy $u", new() { ["u"] = modifier }));
    }

    [Fact]
    public void IsAssigned_true_and_false_split_the_cases()
    {
        var assigned = List("-IsAssigned");
        var unassigned = List("-IsAssigned:$false");

        Assert.Equal(Numbers(Store.Where(r => r.Assignee != null)), assigned);
        Assert.Equal(Numbers(Store.Where(r => r.Assignee == null)), unassigned);
        Assert.NotEmpty(unassigned);
    }

    [Fact]
    public void Created_and_updated_ranges_are_inclusive_and_may_be_open_ended()
    {
        var ordered = Store.OrderBy(r => r.CreatedAt).ToList();
        var from = ordered[50].CreatedAt;
        var to = ordered[120].CreatedAt;
        var updatedFrom = Store.OrderBy(r => r.UpdatedAt).ToList()[200].UpdatedAt;
        var parameters = new Dictionary<string, object?> { ["from"] = DateTime.SpecifyKind(from, DateTimeKind.Utc), ["to"] = DateTime.SpecifyKind(to, DateTimeKind.Utc), ["u"] = DateTime.SpecifyKind(updatedFrom, DateTimeKind.Utc) };

        Assert.Equal(Numbers(Store.Where(r => r.CreatedAt >= from && r.CreatedAt <= to)), List("-CreatedAfter $from -CreatedBefore $to", parameters));
        Assert.Equal(Numbers(Store.Where(r => r.CreatedAt <= to)), List("-CreatedBefore $to", parameters));
        Assert.Equal(Numbers(Store.Where(r => r.UpdatedAt >= updatedFrom)), List("-UpdatedAfter $u", parameters));
        Assert.Equal(Numbers(Store.Where(r => r.UpdatedAt <= updatedFrom)), List("-UpdatedBefore $u", parameters));
    }

    [Fact]
    public void Date_filters_take_the_dates_of_listed_cases()
    {
        var pivot = Store.OrderBy(r => r.CreatedAt).ToList()[150];

        var numbers = Session.Run("param($n) $c = Get-Case -Number $n; Get-Case -PageSize 100 -CreatedAfter $c.CreatedAt", new() { ["n"] = pivot.Number })
            .AssertSuccess().Objects<Case>().Select(c => c.Number).ToList();

        Assert.Equal(Numbers(Store.Where(r => r.CreatedAt >= pivot.CreatedAt)), numbers);
    }

    [Fact]
    public void Local_times_are_sent_as_UTC()
    {
        var from = Store.OrderBy(r => r.CreatedAt).ToList()[100].CreatedAt;
        var local = DateTime.SpecifyKind(from, DateTimeKind.Utc).ToLocalTime();

        Assert.Equal(Numbers(Store.Where(r => r.CreatedAt >= from)), List("-CreatedAfter $t", new() { ["t"] = local }));
    }

    // Each row names its key only: xunit runs a row of plain values as a test case of its own, which
    // per-test coverage needs (docs/performance.md, "Mutation testing").
    private static readonly Dictionary<string, Func<CaseRecord, object?>> SortKeyOf = new()
    {
        ["Number"] = r => r.Number,
        ["Name"] = r => r.Name.ToLowerInvariant(),
        ["CreatedAt"] = r => r.CreatedAt,
        ["UpdatedAt"] = r => r.UpdatedAt,
        ["Status"] = r => r.Status.ToString(),
        ["Assignee"] = r => r.Assignee?.Username,
        ["Subject"] = r => r.Subject?.Username,
    };

    public static TheoryData<string> SortKeys => new(SortKeyOf.Keys);

    [Theory]
    [MemberData(nameof(SortKeys))]
    public void Every_sort_key_orders_the_listing_both_ways(string sortBy)
    {
        var byNumber = Store.ToDictionary(r => r.Number);
        var key = SortKeyOf[sortBy];

        foreach (var descending in new[] { false, true })
        {
            var numbers = List($"-SortBy {sortBy}" + (descending ? " -Descending" : string.Empty));
            Assert.Equal(Store.Count, numbers.Count);
            Assert.Equal(numbers.Count, numbers.Distinct().Count());
            var keys = numbers.Select(n => key(byNumber[n])).ToList();
            var sorted = descending ? keys.OrderByDescending(k => k, NullsComparer.Instance).ToList() : keys.OrderBy(k => k, NullsComparer.Instance).ToList();
            Assert.Equal(sorted, keys);
        }
    }

    [Fact]
    public void Filters_combine()
    {
        var assignee = Store.First(r => r.Assignee != null && r.Status == SandboxStatus.OPEN).Assignee!.Uid;

        Assert.Equal(
            Numbers(Store.Where(r => r.Assignee?.Uid == assignee && r.Status == SandboxStatus.OPEN)),
            List("-Assignee $a -Status Open", new() { ["a"] = assignee }));
    }

    [Fact]
    public void Status_values_come_back_as_the_enum()
    {
        var cases = Session.Run("Get-Case -Status Archived -First 3").AssertSuccess().Objects<Case>();

        Assert.All(cases, c => Assert.Equal(CaseStatus.Archived, c.Status));
        Assert.All(cases, c => Assert.NotNull(c.ArchivalTime));
    }

    /// <summary>Orders nulls first, as the emulator does for missing user names, and compares the rest ordinally.</summary>
    private sealed class NullsComparer : IComparer<object?>
    {
        public static readonly NullsComparer Instance = new();

        public int Compare(object? x, object? y)
        {
            if (x == null || y == null) return x == null ? (y == null ? 0 : -1) : 1;
            return x is string a && y is string b ? string.CompareOrdinal(a, b) : Comparer<object>.Default.Compare(x, y);
        }
    }
}
