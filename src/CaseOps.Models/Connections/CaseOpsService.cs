namespace CaseOps.Connections
{
    /// <summary>The services CaseOps connects to.</summary>
    public enum CaseOpsService
    {
        Incydr,
        Zammad,
    }
}
