using System.Management.Automation;
using System.Reflection;

namespace CaseOps.Tests.Infrastructure;

/// <summary>
/// Stops the upstream commands after -First objects exactly as Select-Object -First does (the hosted
/// SDK session has no Microsoft.PowerShell.Utility module). The exception type is internal to
/// PowerShell, so it is made by reflection.
/// </summary>
[Cmdlet("Limit", "TestOutput")]
public sealed class LimitTestOutputCommand : PSCmdlet
{
    private int _seen;

    [Parameter(ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    [Parameter(Mandatory = true)]
    public int First { get; set; }

    private Exception StopUpstream()
    {
        var type = typeof(PSCmdlet).Assembly.GetType("System.Management.Automation.StopUpstreamCommandsException", throwOnError: true)!;
        return (Exception)Activator.CreateInstance(type, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null, new object[] { this }, null)!;
    }

    protected override void ProcessRecord()
    {
        WriteObject(InputObject);
        if (++_seen >= First)
            throw StopUpstream();
    }
}
