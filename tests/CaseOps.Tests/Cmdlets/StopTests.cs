using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using CaseOps.Cmdlets.Common;
using Xunit;

namespace CaseOps.Tests.Cmdlets;

/// <summary>
/// Ctrl+C against the async bridge itself (docs/architecture.md, "From a cmdlet to the wire and back"): a
/// cmdlet awaiting a task that never looks at the cmdlet's token, the case no real callee should be but
/// the bridge must survive.
/// </summary>
public sealed class StopTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact]
    public void Stop_returns_promptly_while_the_awaited_task_ignores_the_token()
    {
        var never = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var runspace = OpenRunspace();
        using var ps = Start(runspace, never.Task, out var pending);
        try
        {
            var watch = Stopwatch.StartNew();
            var stopped = ps.BeginStop(null, null).AsyncWaitHandle.WaitOne(Bound);
            watch.Stop();

            Assert.True(stopped, $"Stop() did not return within {Bound.TotalSeconds} s");
            Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
            Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(pending));
            Assert.False(never.Task.IsCompleted); // the callee really was left running
        }
        finally
        {
            never.TrySetCanceled(); // else a broken bridge would hang the disposal of the PowerShell
        }
    }

    [Fact]
    public void The_abandoned_task_failing_later_is_not_an_unobserved_exception()
    {
        var marker = "abandoned-" + Guid.NewGuid().ToString("N");
        var unobserved = new List<Exception>();
        EventHandler<UnobservedTaskExceptionEventArgs> watch = (_, e) =>
        {
            lock (unobserved)
                unobserved.AddRange(e.Exception.Flatten().InnerExceptions.Where(x => x.Message == marker));
        };
        TaskScheduler.UnobservedTaskException += watch;
        try
        {
            StopThenFailTheAbandonedTask(marker);
            // Nothing references the task now: a fault nobody observed would be reported when its finalizer runs.
            for (var i = 0; i < 3; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }

            lock (unobserved)
                Assert.Empty(unobserved);
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= watch;
        }
    }

    // Not inlined, so nothing of the runspace or the task stays reachable from the test's frame.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void StopThenFailTheAbandonedTask(string message)
    {
        var source = new TaskCompletionSource<int>();
        using var runspace = OpenRunspace();
        using var ps = Start(runspace, source.Task, out var pending);
        try
        {
            Assert.True(ps.BeginStop(null, null).AsyncWaitHandle.WaitOne(Bound), $"Stop() did not return within {Bound.TotalSeconds} s");
            Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(pending));
        }
        finally
        {
            source.SetException(new InvalidOperationException(message));
        }
    }

    private static Runspace OpenRunspace()
    {
        var state = InitialSessionState.CreateDefault2();
        state.Commands.Add(new SessionStateCmdletEntry("Wait-TestTask", typeof(WaitTestTaskCommand), null));
        var runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        return runspace;
    }

    /// <summary>Runs Wait-TestTask on <paramref name="task"/> and returns once the cmdlet is waiting.</summary>
    private static PowerShell Start(Runspace runspace, Task<int> task, out IAsyncResult pending)
    {
        var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddCommand("Wait-TestTask").AddParameter("Task", task);
        pending = ps.BeginInvoke();
        var watch = Stopwatch.StartNew();
        while (!WaitTestTaskCommand.IsWaiting(task) && watch.Elapsed < Bound)
            Thread.Sleep(10);
        Assert.True(WaitTestTaskCommand.IsWaiting(task), "Wait-TestTask never started waiting");
        return ps;
    }
}

/// <summary>Awaits the task it is given through the cmdlet base, as every CaseOps cmdlet awaits its service.</summary>
[Cmdlet("Wait", "TestTask")]
public sealed class WaitTestTaskCommand : CaseOpsCmdlet
{
    private static readonly ConditionalWeakTable<Task<int>, object> Waiting = new();

    [Parameter(Mandatory = true)]
    public Task<int> Task { get; set; } = null!;

    public static bool IsWaiting(Task<int> task) => Waiting.TryGetValue(task, out _);

    protected override void ProcessRecord()
    {
        Waiting.AddOrUpdate(Task, new object());
        WriteObject(Await(Task));
    }
}
