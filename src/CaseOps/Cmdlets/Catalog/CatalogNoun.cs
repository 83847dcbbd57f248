using CaseOps.Connections;
using CaseOps.Http;
using CaseOps.Zammad;

namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>
    /// Which list the priority and state cmdlets work on: its service, and what messages and error ids
    /// call its records, written out once for each list so no id is built from another string.
    /// </summary>
    internal sealed class CatalogNoun
    {
        public static readonly CatalogNoun Priority = new CatalogNoun("priority", "Priority", "PriorityNotFound", "PriorityInUse",
            (connection, log) => new PriorityService(connection, log));
        public static readonly CatalogNoun State = new CatalogNoun("state", "State", "StateNotFound", "StateInUse",
            (connection, log) => new StateService(connection, log));

        private readonly Func<ZammadConnection, IRequestLog, CatalogRecordService> _createService;

        private CatalogNoun(string name, string parameterName, string notFoundErrorId, string inUseErrorId,
            Func<ZammadConnection, IRequestLog, CatalogRecordService> createService)
        {
            _createService = createService;
            Name = name;
            ParameterName = parameterName;
            NotFoundErrorId = notFoundErrorId;
            InUseErrorId = inUseErrorId;
        }

        /// <summary>"priority" or "state", as messages say it.</summary>
        public string Name { get; }

        /// <summary>The ticket cmdlets' parameter that takes such a record: -Priority or -State.</summary>
        public string ParameterName { get; }

        public string NotFoundErrorId { get; }

        /// <summary>Zammad refused to delete a record that tickets still use.</summary>
        public string InUseErrorId { get; }

        /// <summary>The service that administers this list.</summary>
        public CatalogRecordService CreateService(ZammadConnection connection, IRequestLog log) => _createService(connection, log);

        public override string ToString() => Name;
    }
}
