using System.Globalization;
using System.Linq;
using CaseOps.Connections;
using CaseOps.Http;
using CaseOps.Threading;
using CaseOps.Zammad.Models;
using RestSharp;

namespace CaseOps.Zammad
{
    /// <summary>
    /// The groups, states, priorities and agents of one connection, fetched on first use and kept,
    /// so names resolve to ids without a request per ticket. A name not found triggers one reload
    /// (it may have been created since) before it is reported with the valid choices.
    /// </summary>
    /// <remarks>
    /// A load is shared by every caller of the connection (commands, parallel runspaces, completers), so it
    /// belongs to none of them (docs/architecture.md, "Connections"): it runs on the catalog's own token,
    /// cancelled only when the connection is closed, and logs to a <see cref="RecordingRequestLog"/> whose
    /// lines each caller that waited for it copies into its own log. A caller's token ends only its own wait.
    /// A load that failed or was cancelled is forgotten, so the next caller loads again.
    /// </remarks>
    // The token source is cancelled, never disposed: a load started just before Dispose may still ask its
    // token, and a source without a timer holds nothing that needs disposing.
    internal sealed class ZammadCatalog : IDisposable
    {
        private readonly ZammadConnection _connection;
        private readonly CancellationTokenSource _lifetime = new CancellationTokenSource();
        private readonly object _gate = new object();
        private readonly Dictionary<CatalogKind, SharedLoad> _tables = new Dictionary<CatalogKind, SharedLoad>();
        private bool _disposed;

        public ZammadCatalog(ZammadConnection connection) => _connection = connection;

        /// <summary>
        /// The table, from the cache or from the load running now (started by this call if none is). A caller
        /// that waited for the load gets its log lines; <paramref name="cancellationToken"/> ends only this wait.
        /// </summary>
        public async Task<IReadOnlyList<CatalogEntry>> GetAsync(CatalogKind kind, IRequestLog log, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var load = Join(kind);
            if (load.Table.Status == TaskStatus.RanToCompletion)
                return load.Table.Result;
            if (log.IsDebugEnabled)
                load.Log.EnableDebug();
            try
            {
                return await TaskWaits.WaitAsync(load.Table, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (load.Table.IsCompleted)
                    load.Log.CopyTo(log);
            }
        }

        /// <summary>Forgets a table, e.g. after a state or priority was created, renamed or deleted.</summary>
        public void Invalidate(CatalogKind kind)
        {
            lock (_gate)
                _tables.Remove(kind);
        }

        /// <summary>Cancels the loads still running; called when the connection is closed.</summary>
        public void Dispose()
        {
            lock (_gate)
            {
                _disposed = true;
                _tables.Clear();
            }
            _lifetime.Cancel();
        }

        /// <summary>The cached or running load of <paramref name="kind"/>, or a new one.</summary>
        private SharedLoad Join(CatalogKind kind)
        {
            lock (_gate)
            {
                if (_disposed)
                    throw new ObjectDisposedException(nameof(ZammadCatalog), "The connection was closed.");
                if (_tables.TryGetValue(kind, out var current) && !current.Table.IsFaulted && !current.Table.IsCanceled)
                    return current;
                var log = new RecordingRequestLog();
                var token = _lifetime.Token;
                var load = new SharedLoad(Task.Run(() => LoadAsync(kind, log, token)), log);
                _tables[kind] = load;
                load.Table.ContinueWith(t => { _ = t.Exception; Forget(kind, load); }, CancellationToken.None,
                    TaskContinuationOptions.NotOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                return load;
            }
        }

        /// <summary>Drops a failed or cancelled load, unless a newer one replaced it already.</summary>
        private void Forget(CatalogKind kind, SharedLoad load)
        {
            lock (_gate)
            {
                if (_tables.TryGetValue(kind, out var current) && current == load)
                    _tables.Remove(kind);
            }
        }

        /// <summary>The id of <paramref name="reference"/>; throws <see cref="ZammadLookupException"/> for an unknown name.</summary>
        public async Task<long> ResolveAsync(CatalogKind kind, TicketReference reference, IRequestLog log, CancellationToken cancellationToken) =>
            reference.Id is long id ? id : (await EntryAsync(kind, reference.Name!, log, cancellationToken).ConfigureAwait(false)).Id;

        /// <summary>
        /// The name <paramref name="reference"/> stands for, as the table spells it: what a prompt shows for
        /// -State Closed or -Owner 4. An id the table lacks stays the id; an unknown name throws
        /// <see cref="ZammadLookupException"/>, as the change itself would.
        /// </summary>
        public async Task<string> NameAsync(CatalogKind kind, TicketReference reference, IRequestLog log, CancellationToken cancellationToken)
        {
            if (!(reference.Id is long id))
                return (await EntryAsync(kind, reference.Name!, log, cancellationToken).ConfigureAwait(false)).Name;
            if (kind == CatalogKind.Owner && id == TicketNames.NobodyId)
                return TicketNames.NobodyLogin;
            return await NameOfAsync(kind, id, log, cancellationToken).ConfigureAwait(false) ?? id.ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>The entry named <paramref name="name"/>, read again once when missing (it may be new); else <see cref="ZammadLookupException"/>.</summary>
        private async Task<CatalogEntry> EntryAsync(CatalogKind kind, string name, IRequestLog log, CancellationToken cancellationToken)
        {
            name = name.Trim();
            var entry = Find(await GetAsync(kind, log, cancellationToken).ConfigureAwait(false), name);
            if (entry != null)
                return entry;
            Invalidate(kind);
            var fresh = await GetAsync(kind, log, cancellationToken).ConfigureAwait(false);
            return Find(fresh, name) ?? throw new ZammadLookupException(kind, name, fresh.Where(e => e.Active).Select(e => e.Name).ToList());
        }

        /// <summary>The name of an id, or null when it is not in the table.</summary>
        public async Task<string?> NameOfAsync(CatalogKind kind, long id, IRequestLog log, CancellationToken cancellationToken)
        {
            var entry = (await GetAsync(kind, log, cancellationToken).ConfigureAwait(false)).FirstOrDefault(e => e.Id == id);
            if (entry != null)
                return entry.Name;
            // Created since the list was read: read it once more.
            Invalidate(kind);
            return (await GetAsync(kind, log, cancellationToken).ConfigureAwait(false)).FirstOrDefault(e => e.Id == id)?.Name;
        }

        private static CatalogEntry? Find(IReadOnlyList<CatalogEntry> table, string name) =>
            table.FirstOrDefault(e => e.Active && e.Matches(name)) ?? table.FirstOrDefault(e => e.Matches(name));

        private async Task<IReadOnlyList<CatalogEntry>> LoadAsync(CatalogKind kind, IRequestLog log, CancellationToken cancellationToken)
        {
            switch (kind)
            {
                case CatalogKind.Group:
                    var groups = await ZammadPages.ReadAllAsync<ZammadGroup>(_connection.Api, "groups", log, cancellationToken).ConfigureAwait(false);
                    return groups.Select(g => new CatalogEntry(g.Id, g.Name, g.Active)).ToList();
                case CatalogKind.State:
                    var states = await ZammadPages.ReadAllAsync<TicketState>(_connection.Api, "ticket_states", log, cancellationToken).ConfigureAwait(false);
                    return states.Select(s => new CatalogEntry(s.Id, s.Name, s.Active)).ToList();
                case CatalogKind.Priority:
                    var priorities = await ZammadPages.ReadAllAsync<TicketPriority>(_connection.Api, "ticket_priorities", log, cancellationToken).ConfigureAwait(false);
                    return priorities.Select(p => new CatalogEntry(p.Id, p.Name, p.Active)).ToList();
                case CatalogKind.TimeAccountingType:
                    var types = await _connection.Api.SendAsync<List<ZammadNamedRecordRow>>(new RestRequest("time_accounting/types"), log, cancellationToken).ConfigureAwait(false);
                    return types.Select(t => new CatalogEntry(t.Id, t.Name, t.Active)).ToList();
                case CatalogKind.StateType:
                    var stateTypes = await _connection.Api.SendAsync<List<ZammadNamedRecordRow>>(new RestRequest("ticket_state_types"), log, cancellationToken).ConfigureAwait(false);
                    return stateTypes.Select(t => new CatalogEntry(t.Id, t.Name, t.Active)).ToList();
                default:
                    // Agents only: owners must be able to work on tickets. Login is the name users see
                    // in tickets; email works as well.
                    var agents = await ZammadPages.ReadAllAsync<ZammadUser>(_connection.Api, "users/search", log, cancellationToken, request =>
                    {
                        request.AddQueryParameter("query", "*");
                        request.AddQueryParameter("permissions[]", "ticket.agent");
                    }).ConfigureAwait(false);
                    return agents.Select(u => new CatalogEntry(u.Id, u.Login, u.Active, u.Email)).ToList();
            }
        }

        /// <summary>One load of a table and the lines it logged.</summary>
        private sealed class SharedLoad
        {
            public SharedLoad(Task<IReadOnlyList<CatalogEntry>> table, RecordingRequestLog log)
            {
                Table = table;
                Log = log;
            }

            public Task<IReadOnlyList<CatalogEntry>> Table { get; }

            public RecordingRequestLog Log { get; }
        }

        /// <summary>A row of a small lookup list that has no model of its own.</summary>
        private sealed class ZammadNamedRecordRow
        {
            [Newtonsoft.Json.JsonProperty("id", Required = Newtonsoft.Json.Required.Always)] public long Id { get; set; }
            [Newtonsoft.Json.JsonProperty("name", Required = Newtonsoft.Json.Required.Always)] public string Name { get; set; } = string.Empty;
            [Newtonsoft.Json.JsonProperty("active", Required = Newtonsoft.Json.Required.DisallowNull)] public bool Active { get; set; } = true;
        }
    }
}
