using System.Linq;
using CaseOps.Connections;

namespace CaseOps.Cmdlets.Connection
{
    /// <summary>Shows this session's default connections.</summary>
    [Cmdlet(VerbsCommon.Get, "CaseOpsConnection")]
    [OutputType(typeof(CaseOpsConnection))]
    public sealed class GetCaseOpsConnectionCommand : CaseOpsCmdlet
    {
        /// <summary>Only the connection to this service.</summary>
        [Parameter(Position = 0)]
        public CaseOpsService[]? Service { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var connection in ConnectionRegistry.All.OrderBy(c => c.Service))
            {
                if (Service == null || Service.Contains(connection.Service))
                    WriteObject(connection);
            }
        }
    }
}
