using System.Management.Automation;
using CaseOps.Connections;

namespace CaseOps.Cmdlets.Common
{
    /// <summary>
    /// Base of the cmdlets that act on one service: the order in which a connection is found
    /// (explicit, this runspace's default, the environment variables). Not generic over the connection
    /// type: a cmdlet class whose base is instantiated over an engine type could not be loaded before
    /// the engine is (docs/architecture.md, "Assemblies and load contexts"); the -Connection parameter
    /// is declared by the service's base class with its own type.
    /// </summary>
    public abstract class ConnectedCmdlet : CaseOpsCmdlet
    {
        private CaseOpsConnection? _resolved;

        /// <summary>The -Connection the user gave, or null.</summary>
        private protected abstract CaseOpsConnection? ExplicitConnection { get; }

        private protected abstract CaseOpsService TargetService { get; }

        /// <summary>How to connect, for the NotConnected error.</summary>
        private protected abstract string ConnectHint { get; }

        /// <summary>A connection made from the environment variables, or null when they are not all set.</summary>
        private protected abstract CaseOpsConnection? FromEnvironment();

        /// <summary>
        /// The explicit connection, else this runspace's default, else one made from the environment
        /// variables; otherwise a terminating error that says how to connect.
        /// </summary>
        private protected CaseOpsConnection ResolveServiceConnection()
        {
            if (_resolved != null)
                return _resolved;
            if (ExplicitConnection is { } connection)
            {
                if (connection.IsClosed)
                    ThrowTerminatingError(new ErrorRecord(
                        new PSInvalidOperationException($"The connection {connection} was closed by Disconnect-CaseOps. Run Connect-{TargetService} again."),
                        "ConnectionClosed", ErrorCategory.InvalidOperation, connection));
                return _resolved = connection;
            }
            if (ConnectionRegistry.Get(TargetService) is { } current)
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
