namespace CaseOps.Sandbox.Faults;

/// <summary>
/// Endpoint metadata marking a route (token endpoints) that faults skip unless
/// <see cref="FaultSettings.FaultTokenEndpoint"/> is set.
/// </summary>
public sealed class FaultExempt
{
    /// <summary>The shared marker.</summary>
    public static readonly FaultExempt Instance = new();

    private FaultExempt()
    {
    }
}
