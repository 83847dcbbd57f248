using System.Globalization;
using System.Net;
using CaseOps.Sandbox.Incydr;
using Xunit;

namespace CaseOps.Tests.Sandbox;

/// <summary>docs/contracts/incydr.md, Case list query and Paging: GET /v1/cases paging, filters, sorting and query errors. Read-only on the seeded data.</summary>
public sealed class CaseListTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private IReadOnlyList<CaseRecord> All => fixture.Host.Cases.Snapshot();

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private async Task<long[]> NumbersAsync(string query)
    {
        var reply = await fixture.GetAsync("/v1/cases?" + query);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        return SandboxApi.Numbers(reply.Json);
    }

    [Fact]
    public async Task Default_list_returns_all_cases_by_number_with_total_count()
    {
        var reply = await fixture.GetAsync("/v1/cases");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(["cases", "totalCount"], SandboxApi.Keys(reply.Json));
        Assert.Equal(200, reply.Json.GetProperty("totalCount").GetInt64());
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), SandboxApi.Numbers(reply.Json));
    }

    [Fact]
    public async Task Pages_are_one_based_and_the_last_page_is_short()
    {
        var first = await fixture.GetAsync("/v1/cases?pgNum=1&pgSize=30");
        var second = await fixture.GetAsync("/v1/cases?pgNum=2&pgSize=30");
        var last = await fixture.GetAsync("/v1/cases?pgNum=7&pgSize=30");
        var beyond = await fixture.GetAsync("/v1/cases?pgNum=8&pgSize=30");

        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), SandboxApi.Numbers(first.Json));
        Assert.Equal(Enumerable.Range(31, 30).Select(i => (long)i), SandboxApi.Numbers(second.Json));
        Assert.Equal(Enumerable.Range(181, 20).Select(i => (long)i), SandboxApi.Numbers(last.Json));
        Assert.Empty(SandboxApi.Numbers(beyond.Json));
        Assert.All([first, second, last, beyond], page => Assert.Equal(200, page.Json.GetProperty("totalCount").GetInt64()));
    }

    [Fact]
    public async Task Paging_through_a_sorted_list_visits_every_case_once()
    {
        var seen = new List<long>();
        for (var page = 1; ; page++)
        {
            var numbers = await NumbersAsync($"pgNum={page}&pgSize=17&srtKey=status&srtDir=desc");
            seen.AddRange(numbers);
            if (numbers.Length < 17)
            {
                break;
            }
        }

        Assert.Equal(CaseReference.Order(All, ("status", true)), seen);
    }

    [Fact]
    public async Task List_items_are_slim_cases_with_every_key_present()
    {
        var reply = await fixture.GetAsync("/v1/cases?pgSize=200");

        foreach (var item in reply.Json.GetProperty("cases").EnumerateArray())
        {
            Assert.Equal(SandboxApi.SlimCaseKeys, SandboxApi.Keys(item));
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$", item.GetProperty("createdAt").GetString());
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$", item.GetProperty("updatedAt").GetString());
            if (item.GetProperty("assignee").GetString() is { } assignee)
            {
                Assert.Matches("^[0-9]+$", assignee);
            }
        }
    }

    [Fact]
    public async Task Status_filter_is_repeatable()
    {
        var closed = await NumbersAsync("status=CLOSED");
        var closedOrArchived = await NumbersAsync("status=CLOSED&status=ARCHIVED");

        Assert.Equal(All.Where(c => c.Status == CaseStatus.CLOSED).Select(c => c.Number), closed);
        Assert.Equal(All.Where(c => c.Status != CaseStatus.OPEN).Select(c => c.Number), closedOrArchived);
        Assert.NotEmpty(closed);
        Assert.True(closedOrArchived.Length > closed.Length);
    }

    [Fact]
    public async Task Assignee_subject_and_last_modifier_filters_match_uids()
    {
        var user = fixture.Host.Users[2].Uid;

        Assert.Equal(All.Where(c => c.Assignee?.Uid == user).Select(c => c.Number), await NumbersAsync("assignee=" + user));
        Assert.Equal(All.Where(c => c.Subject?.Uid == user).Select(c => c.Number), await NumbersAsync("subject=" + user));
        Assert.Equal(All.Where(c => c.LastModifiedBy?.Uid == user).Select(c => c.Number), await NumbersAsync("lastModifiedBy=" + user));
        Assert.Empty(await NumbersAsync("assignee=123"));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("FALSE", false)]
    [InlineData("false", false)]
    public async Task IsAssigned_is_a_case_insensitive_bool(string text, bool assigned)
    {
        var numbers = await NumbersAsync("isAssigned=" + text);

        Assert.Equal(All.Where(c => (c.Assignee is not null) == assigned).Select(c => c.Number), numbers);
        Assert.NotEmpty(numbers);
    }

    [Fact]
    public async Task Name_filter_is_a_case_insensitive_substring()
    {
        var numbers = await NumbersAsync("name=" + Uri.EscapeDataString("usb EXFIL"));

        Assert.Equal(All.Where(c => c.Name.Contains("usb exfil", StringComparison.OrdinalIgnoreCase)).Select(c => c.Number), numbers);
        Assert.NotEmpty(numbers);
    }

    [Fact]
    public async Task Created_and_updated_intervals_are_inclusive_at_both_ends()
    {
        var sample = All[50];
        var later = All[60];
        var interval = Uri.EscapeDataString($"{Iso(sample.CreatedAt)}/{Iso(later.CreatedAt)}");
        var exact = Uri.EscapeDataString($"{Iso(sample.UpdatedAt)}/{Iso(sample.UpdatedAt)}");

        var created = await NumbersAsync("createdAt=" + interval);
        var updated = await NumbersAsync("updatedAt=" + exact);

        Assert.Equal(All.Where(c => c.CreatedAt >= sample.CreatedAt && c.CreatedAt <= later.CreatedAt).Select(c => c.Number), created);
        Assert.Contains(sample.Number, created);
        Assert.Contains(later.Number, created);
        Assert.Contains(sample.Number, updated);
    }

    [Theory]
    [InlineData("2024-06-01T00:00:00Z/2025-06-01T00:00:00Z")]
    [InlineData("2024-06-01T00:00:00.000Z/2025-06-01T00:00:00.000Z")]
    [InlineData("2024-06-01T00:00:00.000000Z/2025-06-01T00:00:00.000000Z")]
    [InlineData("2024-06-01T00:00:00.000000000Z/2025-06-01T00:00:00.000000000Z")]
    [InlineData("2024-06-01T02:00:00+02:00/2025-06-01T02:00:00+02:00")]
    public async Task Intervals_accept_zero_to_nine_fraction_digits_and_offsets(string interval)
    {
        var numbers = await NumbersAsync("createdAt=" + Uri.EscapeDataString(interval));

        Assert.Equal(200, numbers.Length);
    }

    [Fact]
    public async Task Filters_combine_with_and()
    {
        var user = fixture.Host.Users[0].Uid;

        var numbers = await NumbersAsync($"status=OPEN&isAssigned=true&subject={user}");

        Assert.Equal(All.Where(c => c.Status == CaseStatus.OPEN && c.Assignee is not null && c.Subject?.Uid == user).Select(c => c.Number), numbers);
    }

    [Theory]
    [InlineData("number")]
    [InlineData("name")]
    [InlineData("createdAt")]
    [InlineData("updatedAt")]
    [InlineData("status")]
    [InlineData("assigneeUsername")]
    [InlineData("subjectUsername")]
    [InlineData("archivalTime")]
    public async Task Each_sort_key_orders_both_directions_with_number_as_tie_breaker(string key)
    {
        var asc = await NumbersAsync($"srtKey={key}&srtDir=asc");
        var desc = await NumbersAsync($"srtKey={key}&srtDir=desc");
        var implicitAsc = await NumbersAsync($"srtKey={key}");

        Assert.Equal(CaseReference.Order(All, (key, false)), asc);
        Assert.Equal(CaseReference.Order(All, (key, true)), desc);
        Assert.Equal(asc, implicitAsc);
    }

    [Fact]
    public async Task Several_sort_keys_pair_with_directions_and_the_last_direction_repeats()
    {
        var paired = await NumbersAsync("srtKey=status&srtKey=assigneeUsername&srtKey=updatedAt&srtDir=desc&srtDir=asc&srtDir=desc");
        var repeated = await NumbersAsync("srtKey=status&srtKey=subjectUsername&srtKey=createdAt&srtDir=asc&srtDir=desc");

        Assert.Equal(CaseReference.Order(All, ("status", true), ("assigneeUsername", false), ("updatedAt", true)), paired);
        Assert.Equal(CaseReference.Order(All, ("status", false), ("subjectUsername", true), ("createdAt", true)), repeated);
    }

    [Fact]
    public async Task Sort_direction_alone_applies_to_number()
    {
        Assert.Equal(Enumerable.Range(1, 200).Reverse().Select(i => (long)i), await NumbersAsync("srtDir=desc"));
    }

    [Fact]
    public async Task Sorted_pages_slice_the_sorted_whole()
    {
        var whole = CaseReference.Order(All, ("name", true));

        var third = await NumbersAsync("srtKey=name&srtDir=desc&pgNum=3&pgSize=25");

        Assert.Equal(whole.Skip(50).Take(25), third);
    }

    [Theory]
    [InlineData("pgNum=0", "INVALID_PAGE_NUMBER")]
    [InlineData("pgNum=-1", "INVALID_PAGE_NUMBER")]
    [InlineData("pgNum=abc", "INVALID_PAGE_NUMBER")]
    [InlineData("pgSize=0", "INVALID_PAGE_SIZE")]
    [InlineData("pgSize=10001", "INVALID_PAGE_SIZE")]
    [InlineData("pgSize=x", "INVALID_PAGE_SIZE")]
    [InlineData("createdAt=2025-01-01T00:00:00Z", "INVALID_TIME_INTERVAL")]
    [InlineData("createdAt=yesterday/today", "INVALID_TIME_INTERVAL")]
    [InlineData("updatedAt=2025-02-01T00:00:00Z/2025-01-01T00:00:00Z", "INVALID_TIME_INTERVAL")]
    [InlineData("updatedAt=2025-01-01T00:00:00.1234567890Z/2025-02-01T00:00:00Z", "INVALID_TIME_INTERVAL")]
    [InlineData("createdAt=2025-13-01T00:00:00Z/2025-12-01T00:00:00Z", "INVALID_TIME_INTERVAL")]
    [InlineData("status=PENDING", "INVALID_REQUEST")]
    [InlineData("isAssigned=yes", "INVALID_REQUEST")]
    [InlineData("srtKey=priority", "INVALID_REQUEST")]
    [InlineData("srtDir=up", "INVALID_REQUEST")]
    public async Task Bad_query_values_are_400_with_a_problem_code(string query, string code)
    {
        SandboxApi.AssertProblem(await fixture.GetAsync("/v1/cases?" + query), code);
    }

    [Fact]
    public async Task Largest_page_size_is_accepted()
    {
        var reply = await fixture.GetAsync("/v1/cases?pgSize=10000");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(200, SandboxApi.Numbers(reply.Json).Length);
    }

    [Fact]
    public async Task Official_sdk_default_call_works()
    {
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), await NumbersAsync("pgNum=1&pgSize=100&srtDir=asc&srtKey=number"));
    }

    [Fact]
    public async Task Legacy_py42_path_lists_the_same_cases()
    {
        var legacy = await fixture.GetAsync("/api/v1/case?pgNum=2&pgSize=10&srtKey=updatedAt&srtDir=desc");
        var current = await fixture.GetAsync("/v1/cases?pgNum=2&pgSize=10&srtKey=updatedAt&srtDir=desc");

        Assert.Equal(HttpStatusCode.OK, legacy.Status);
        Assert.Equal(current.Text, legacy.Text);
    }
}
