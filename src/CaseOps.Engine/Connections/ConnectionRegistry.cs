using System.Collections.Concurrent;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace CaseOps.Connections
{
    /// <summary>
    /// The default connection of each service, per runspace: Azure Automation runs several jobs
    /// in one process, and one job must never act with another's credentials.
    /// </summary>
    internal static class ConnectionRegistry
    {
        private static readonly ConditionalWeakTable<object, ConcurrentDictionary<CaseOpsService, CaseOpsConnection>> Defaults =
            new ConditionalWeakTable<object, ConcurrentDictionary<CaseOpsService, CaseOpsConnection>>();

        // Hosts without a runspace (plain C# callers) share one slot.
        private static readonly object NoRunspace = new object();

        private static ConcurrentDictionary<CaseOpsService, CaseOpsConnection> Current =>
            Defaults.GetValue(Runspace.DefaultRunspace ?? NoRunspace, _ => new ConcurrentDictionary<CaseOpsService, CaseOpsConnection>());

        public static CaseOpsConnection? Get(CaseOpsService service) =>
            Current.TryGetValue(service, out var connection) ? connection : null;

        // The previous default is not disposed: a script may still hold it and pass it with -Connection.
        public static void Set(CaseOpsConnection connection) => Current[connection.Service] = connection;

        public static CaseOpsConnection? Remove(CaseOpsService service) =>
            Current.TryRemove(service, out var connection) ? connection : null;

        public static System.Collections.Generic.ICollection<CaseOpsConnection> All => Current.Values;
    }
}
