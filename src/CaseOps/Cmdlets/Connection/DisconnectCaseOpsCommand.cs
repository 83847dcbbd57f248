using CaseOps.Connections;

namespace CaseOps.Cmdlets.Connection
{
    /// <summary>Forgets this session's default connections and releases their HTTP resources.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "CaseOps")]
    [OutputType(typeof(void))]
    public sealed class DisconnectCaseOpsCommand : CaseOpsCmdlet
    {
        /// <summary>The services to disconnect from; all when omitted.</summary>
        [Parameter(Position = 0)]
        public CaseOpsService[]? Service { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var service in Service ?? (CaseOpsService[])Enum.GetValues(typeof(CaseOpsService)))
            {
                var removed = ConnectionRegistry.Remove(service);
                if (removed == null)
                    continue;
                removed.Dispose();
                WriteVerboseLine($"Disconnected from {removed}");
            }
        }
    }
}
