using System.Net;
using CaseOps.Sandbox.Incydr;
using Xunit;

namespace CaseOps.Tests.Sandbox;

/// <summary>100,000 seeded cases: paging and sorting still answer correctly (and quickly enough to run in the suite).</summary>
public sealed class LargeSeedTests(LargeSandboxFixture fixture) : IClassFixture<LargeSandboxFixture>
{
    [Fact]
    public async Task First_page_of_the_default_list_reports_the_full_total()
    {
        var reply = await fixture.GetAsync("/v1/cases?pgNum=1&pgSize=100&srtDir=asc&srtKey=number");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(100_000, reply.Json.GetProperty("totalCount").GetInt64());
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), SandboxApi.Numbers(reply.Json));
    }

    [Fact]
    public async Task Last_pages_are_right_in_both_directions()
    {
        var last = await fixture.GetAsync("/v1/cases?pgNum=1000&pgSize=100");
        var lastDesc = await fixture.GetAsync("/v1/cases?pgNum=10&pgSize=10000&srtDir=desc");
        var beyond = await fixture.GetAsync("/v1/cases?pgNum=1001&pgSize=100");

        Assert.Equal(Enumerable.Range(99_901, 100).Select(i => (long)i), SandboxApi.Numbers(last.Json));
        Assert.Equal(Enumerable.Range(1, 10_000).Reverse().Select(i => (long)i), SandboxApi.Numbers(lastDesc.Json));
        Assert.Empty(SandboxApi.Numbers(beyond.Json));
    }

    [Fact]
    public async Task Sorted_and_filtered_pages_match_the_reference_order()
    {
        var all = fixture.Host.Cases.Snapshot();
        var byName = CaseReference.Order(all, ("name", true));
        var openByAssignee = CaseReference.Order(all.Where(c => c.Status == CaseStatus.OPEN), ("assigneeUsername", false), ("updatedAt", true));

        var namePage = await fixture.GetAsync("/v1/cases?srtKey=name&srtDir=desc&pgNum=500&pgSize=100");
        var assigneePage = await fixture.GetAsync("/v1/cases?status=OPEN&srtKey=assigneeUsername&srtKey=updatedAt&srtDir=asc&srtDir=desc&pgNum=3&pgSize=1000");

        Assert.Equal(byName.Skip(49_900).Take(100), SandboxApi.Numbers(namePage.Json));
        Assert.Equal(100_000, namePage.Json.GetProperty("totalCount").GetInt64());
        Assert.Equal(openByAssignee.Skip(2000).Take(1000), SandboxApi.Numbers(assigneePage.Json));
        Assert.Equal(openByAssignee.Length, assigneePage.Json.GetProperty("totalCount").GetInt64());
    }

    [Fact]
    public async Task Many_sorted_page_requests_complete()
    {
        // Not a timing assertion: 20 full sorts of 100,000 cases must simply finish within the client timeout.
        var token = await fixture.TokenAsync();
        var replies = new List<ApiReply>();
        foreach (var key in new[] { "updatedAt", "createdAt", "status", "subjectUsername", "archivalTime" })
        {
            foreach (var dir in new[] { "asc", "desc" })
            {
                replies.Add(await SandboxApi.SendAsync(fixture.Client, HttpMethod.Get, $"/v1/cases?srtKey={key}&srtDir={dir}&pgNum=7&pgSize=500", token));
                replies.Add(await SandboxApi.SendAsync(fixture.Client, HttpMethod.Get, $"/v1/cases?srtKey={key}&srtDir={dir}&isAssigned=false&pgSize=10", token));
            }
        }

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(10, replies.Count(r => SandboxApi.Numbers(r.Json).Length == 500));
    }
}
