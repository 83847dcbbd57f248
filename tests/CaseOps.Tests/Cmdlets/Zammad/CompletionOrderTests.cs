using CaseOps.Tests.Infrastructure;
using Xunit;

namespace CaseOps.Tests.Cmdlets.Zammad;

/// <summary>
/// Tab completion offers the values that start with what was typed before those that merely contain it,
/// for every completer of the module (src/CaseOps/Cmdlets/Common/CompletionMatches.cs).
/// </summary>
public sealed class CompletionOrderTests : ZammadCmdletTestBase
{
    public CompletionOrderTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    /// <summary>What PowerShell's own completion (as Tab and TabExpansion2 use it) offers at the end of <paramref name="line"/>.</summary>
    private string[] Complete(string line) =>
        Session.Run("param($line) [System.Management.Automation.CommandCompletion]::CompleteInput($line, $line.Length, $null).CompletionMatches | ForEach-Object CompletionText",
            new() { ["line"] = line }).AssertSuccess().Output.Select(o => (string)o.BaseObject).ToArray();

    [Fact]
    public void States_that_start_with_the_text_come_before_those_that_contain_it()
    {
        Assert.Equal(new[] { "'pending close'", "'pending reminder'", "open" }, Complete("Set-Ticket -Id 1 -State pe"));
        Assert.Equal(new[] { "open", "closed", "'pending close'" }, Complete("New-Ticket -State O"));
    }

    [Fact]
    public void Owners_groups_and_priorities_follow_the_same_order()
    {
        // Agents admin, agent.smith, nicole.braun, max.mustermann: "a" starts two names and is inside the others.
        Assert.Equal(new[] { "admin", "agent.smith", "max.mustermann", "nicole.braun" }, Complete("Set-Ticket -Id 1 -Owner a"));
        Assert.Equal(new[] { "'Service Desk'", "'Insider Risk'", "Users" }, Complete("New-Ticket -Group s"));
        Assert.Equal(new[] { "'2 normal'" }, Complete("Set-Ticket -Id 1 -Priority norm"));
    }

    [Fact]
    public void Tags_from_the_server_and_fixed_values_follow_the_same_order()
    {
        Session.Run("Add-TicketTag -TicketId 3 -Name zz-order, order-first, b-order-zz").AssertSuccess();

        Assert.Equal(new[] { "order-first", "b-order-zz", "zz-order" }, Complete("Add-TicketTag -TicketId 1 -Name order"));
        // Fixed lists keep their own order within each group: "id" itself, then the *_id fields as declared.
        Assert.Equal(new[] { "id", "state_id", "priority_id", "group_id", "owner_id", "customer_id" }, Complete("Get-Ticket -Query x -SortBy id"));
    }
}
