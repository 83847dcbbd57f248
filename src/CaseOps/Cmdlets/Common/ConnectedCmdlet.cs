using System.Management.Automation;
using CaseOps.Connections;

namespace CaseOps.Cmdlets.Common
{
    /// <summary>
    /// Base of the cmdlets that act on one service: the -Connection parameter and the order in which
    /// a connection is found (explicit, this runspace's default, the environment variables).
    /// </summary>
    public abstract class ConnectedCmdlet<TConnection> : CaseOpsCmdlet where TConnection : CaseOpsConnection
    {
        private TConnection? _resolved;

        /// <summary>The connection to use instead of this session's default one.</summary>
        [Parameter]
        [ValidateNotNull]
        public TConnection? Connection { get; set; }

        private protected abstract CaseOpsService TargetService { get; }

        /// <summary>How to connect, for the NotConnected error.</summary>
        private protected abstract string ConnectHint { get; }

        /// <summary>A connection made from the environment variables, or null when they are not all set.</summary>
        private protected abstract TConnection? FromEnvironment();

        /// <summary>
        /// The explicit connection, else this runspace's default, else one made from the environment
        /// variables; otherwise a terminating error that says how to connect.
        /// </summary>
        protected TConnection ResolveConnection()
        {
            if (_resolved != null)
                return _resolved;
            if (Connection != null)
            {
                if (Connection.IsClosed)
                    ThrowTerminatingError(new ErrorRecord(
                        new PSInvalidOperationException($"The connection {Connection} was closed by Disconnect-CaseOps. Run Connect-{TargetService} again."),
                        "ConnectionClosed", ErrorCategory.InvalidOperation, Connection));
                return _resolved = Connection;
            }
            if (ConnectionRegistry.Get(TargetService) is TConnection current)
                return _resolved = current;
            if (FromEnvironment() is { } fromEnvironment)
            {
                ConnectionRegistry.Set(fromEnvironment);
                return _resolved = fromEnvironment;
            }
            ThrowTerminatingError(new ErrorRecord(
                new PSInvalidOperationException($"Not connected to {TargetService}. " + ConnectHint),
                "NotConnected", ErrorCategory.InvalidOperation, null));
            return null!; // not reached: ThrowTerminatingError throws
        }
    }
}
