using System.Management.Automation.Runspaces;
using CaseOps.Connections;

namespace CaseOps.Cmdlets
{
    /// <summary>
    /// The default connection of each service in the current runspace. The engine keeps defaults per
    /// scope object and knows nothing of runspaces (docs/architecture.md, "Layers"); this names the
    /// scope. In namespace CaseOps.Cmdlets so every cmdlet finds it by this name.
    /// </summary>
    internal static class ConnectionRegistry
    {
        // Hosts without a runspace (plain C# callers) share one slot.
        private static readonly object NoRunspace = new object();

        private static object Scope => Runspace.DefaultRunspace ?? NoRunspace;

        public static CaseOpsConnection? Get(CaseOpsService service) => DefaultConnections.Get(Scope, service);

        // The previous default is not disposed: a script may still hold it and pass it with -Connection.
        public static void Set(CaseOpsConnection connection) => DefaultConnections.Set(Scope, connection);

        public static CaseOpsConnection? Remove(CaseOpsService service) => DefaultConnections.Remove(Scope, service);

        public static ICollection<CaseOpsConnection> All => DefaultConnections.All(Scope);
    }
}
