using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace CaseOps.Connections
{
    /// <summary>
    /// The default connection of each service, per scope: Azure Automation runs several jobs in one
    /// process, and one job must never act with another's credentials. The scope is an object the
    /// caller owns (the cmdlet layer passes the runspace; docs/architecture.md, "Connections"); it is
    /// held weakly, so a closed runspace takes its defaults with it.
    /// </summary>
    internal static class DefaultConnections
    {
        private static readonly ConditionalWeakTable<object, ConcurrentDictionary<CaseOpsService, CaseOpsConnection>> Scopes =
            new ConditionalWeakTable<object, ConcurrentDictionary<CaseOpsService, CaseOpsConnection>>();

        private static ConcurrentDictionary<CaseOpsService, CaseOpsConnection> Of(object scope) =>
            Scopes.GetValue(scope, _ => new ConcurrentDictionary<CaseOpsService, CaseOpsConnection>());

        public static CaseOpsConnection? Get(object scope, CaseOpsService service) =>
            Of(scope).TryGetValue(service, out var connection) ? connection : null;

        // The previous default is not disposed: a script may still hold it and use it.
        public static void Set(object scope, CaseOpsConnection connection) => Of(scope)[connection.Service] = connection;

        public static CaseOpsConnection? Remove(object scope, CaseOpsService service) =>
            Of(scope).TryRemove(service, out var connection) ? connection : null;

        public static ICollection<CaseOpsConnection> All(object scope) => Of(scope).Values;
    }
}
