using CaseOps.Connections;

namespace CaseOps.Cmdlets.Common
{
    /// <summary>
    /// Base of the cmdlets that act on one service, and so on one connection. Not generic over the connection
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

        /// <summary>
        /// The explicit connection, else this runspace's default, else one made from the environment
        /// variables (<see cref="ConnectionResolver"/>); resolved once per command.
        /// </summary>
        private protected CaseOpsConnection ResolveServiceConnection() =>
            _resolved ??= new ConnectionResolver(this).Resolve(ExplicitConnection, TargetService);
    }
}
