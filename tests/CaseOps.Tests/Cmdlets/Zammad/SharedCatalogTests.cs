using System.Diagnostics;
using System.Management.Automation;
using CaseOps.Connections;
using CaseOps.Tests.Infrastructure;
using Xunit;

namespace CaseOps.Tests.Cmdlets.Zammad;

/// <summary>
/// One connection used by two runspaces at once, as <c>-Connection $using:conn</c> does: the catalog load
/// they share is no one's to cancel (docs/architecture.md, "Connections").
/// </summary>
public sealed class SharedCatalogTests : ZammadCmdletTestBase
{
    private const string StatesPath = "/zammad/api/v1/ticket_states";

    public SharedCatalogTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    [Fact]
    public async Task Ctrl_C_in_one_runspace_leaves_the_catalog_load_to_the_other_runspace_waiting_for_it()
    {
        var connection = Session.Run("Get-CaseOpsConnection -Service Zammad").AssertSuccess().Objects<ZammadConnection>().Single();
        using var other = new PowerShellSession();
        Sandbox.Host.Faults.Latency = TimeSpan.FromSeconds(4);
        Task<ScriptResult>? second = null;

        var first = Session.Run("Set-Ticket -Id 15 -State open", whileRunning: ps =>
        {
            WaitUntil(() => Sandbox.Host.Requests.Count("GET", StatesPath) == 1);
            second = Task.Run(() => other.Run("param($c) Set-Ticket -Id 16 -State open -Connection $c -Verbose", new() { ["c"] = connection }));
            Thread.Sleep(1000); // the second command is waiting on the same load by now (it has 3 s left)
            ps.Stop();
            Sandbox.Host.Faults.Latency = TimeSpan.Zero;
        });
        var result = (await second!).AssertSuccess();

        Assert.IsType<PipelineStoppedException>(first.Terminating);
        Assert.Equal("open", Read("tickets/16?expand=true").GetProperty("state").GetString());
        Assert.Equal(1, Sandbox.Host.Requests.Count("GET", StatesPath)); // the second command joined the first one's load
        Assert.Equal(0, Sandbox.Host.Requests.Count("PUT", "/zammad/api/v1/tickets/15"));
        // The load's request line reaches the command that used its answer, though another started it.
        Assert.Contains(result.Verbose, line => line.Contains("/ticket_states", StringComparison.Ordinal));
    }

    private static void WaitUntil(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "timed out waiting for the emulator");
            Thread.Sleep(10);
        }
    }
}
