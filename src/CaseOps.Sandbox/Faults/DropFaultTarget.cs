namespace CaseOps.Sandbox.Faults;

/// <summary>
/// Endpoint metadata marking a download route (case PDF, full ZIP, events CSV, source file) that
/// the drop fault (<see cref="FaultSettings.DropNextDownloads"/>) applies to.
/// </summary>
public sealed class DropFaultTarget
{
    /// <summary>The shared marker.</summary>
    public static readonly DropFaultTarget Instance = new();

    private DropFaultTarget()
    {
    }
}
