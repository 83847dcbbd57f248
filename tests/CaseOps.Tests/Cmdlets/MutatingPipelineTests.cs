using CaseOps.Incydr.Models;
using CaseOps.Tests.Infrastructure;
using Xunit;

namespace CaseOps.Tests.Cmdlets;

/// <summary>A pipeline that changes what it is listing: offset paging cannot be exact, so the user is told.</summary>
public sealed class MutatingPipelineTests : CmdletTestBase
{
    public MutatingPipelineTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    [Fact]
    public void Closing_the_cases_being_listed_warns_and_collecting_first_closes_them_all()
    {
        var streamed = Session.Run("Get-Case -Status Open -PageSize 20 | Set-Case -Status Closed -PassThru | ForEach-Object Number");

        Assert.Contains(streamed.Warnings, w => w.Contains("number of matches changed") && w.Contains("@(Get-Case"));

        var collected = Session.Run("@(Get-Case -Status Open -PageSize 20) | Set-Case -Status Closed -PassThru | ForEach-Object Number").AssertSuccess();

        Assert.Empty(collected.Warnings);
        Assert.DoesNotContain(Sandbox.Host.Cases.Snapshot(), c => c.Status == CaseOps.Sandbox.Incydr.CaseStatus.OPEN);
    }
}
