using System.Management.Automation;
using CaseOps.Connections;

namespace CaseOps.Cmdlets.Common
{
    /// <summary>Base of the cmdlets that act on Incydr.</summary>
    public abstract class IncydrCmdlet : ConnectedCmdlet
    {
        /// <summary>The Incydr connection to use instead of this session's default one.</summary>
        [Parameter]
        [ValidateNotNull]
        public IncydrConnection? Connection { get; set; }

        private protected override CaseOpsConnection? ExplicitConnection => Connection;

        /// <summary>The connection to use (see <see cref="ConnectedCmdlet"/>); a terminating error when there is none.</summary>
        protected IncydrConnection ResolveConnection() => (IncydrConnection)ResolveServiceConnection();

        private protected override CaseOpsService TargetService => CaseOpsService.Incydr;
    }
}
