using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CaseOps.Connections;
using CaseOps.Http;
using CaseOps.Zammad.Models;
using RestSharp;

namespace CaseOps.Zammad
{
    /// <summary>
    /// The groups, states, priorities and agents of one connection, fetched on first use and kept,
    /// so names resolve to ids without a request per ticket. A name not found triggers one reload
    /// (it may have been created since) before it is reported with the valid choices.
    /// </summary>
    internal sealed class ZammadCatalog
    {
        private readonly ZammadConnection _connection;
        private readonly ConcurrentDictionary<CatalogKind, Task<IReadOnlyList<CatalogEntry>>> _tables =
            new ConcurrentDictionary<CatalogKind, Task<IReadOnlyList<CatalogEntry>>>();

        public ZammadCatalog(ZammadConnection connection) => _connection = connection;

        /// <summary>The table, from the cache or fetched now.</summary>
        public Task<IReadOnlyList<CatalogEntry>> GetAsync(CatalogKind kind, IRequestLog log, CancellationToken cancellationToken)
        {
            if (_tables.TryGetValue(kind, out var cached) && !cached.IsFaulted && !cached.IsCanceled)
                return cached;
            var loading = LoadAsync(kind, log, cancellationToken);
            _tables[kind] = loading;
            return loading;
        }

        /// <summary>Forgets a table, e.g. after a state or priority was created, renamed or deleted.</summary>
        public void Invalidate(CatalogKind kind) => _tables.TryRemove(kind, out _);

        /// <summary>The id of <paramref name="reference"/>; throws <see cref="ZammadLookupException"/> for an unknown name.</summary>
        public async Task<long> ResolveAsync(CatalogKind kind, TicketReference reference, IRequestLog log, CancellationToken cancellationToken)
        {
            if (reference.Id is long id)
                return id;
            var name = reference.Name!.Trim();
            var entry = Find(await GetAsync(kind, log, cancellationToken).ConfigureAwait(false), name);
            if (entry == null)
            {
                Invalidate(kind);
                var fresh = await GetAsync(kind, log, cancellationToken).ConfigureAwait(false);
                entry = Find(fresh, name);
                if (entry == null)
                    throw new ZammadLookupException(kind, name, fresh.Where(e => e.Active).Select(e => e.Name).ToList());
            }
            return entry.Id;
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

        /// <summary>A row of a small lookup list that has no model of its own.</summary>
        private sealed class ZammadNamedRecordRow
        {
            [Newtonsoft.Json.JsonProperty("id")] public long Id { get; set; }
            [Newtonsoft.Json.JsonProperty("name")] public string Name { get; set; } = string.Empty;
            [Newtonsoft.Json.JsonProperty("active")] public bool Active { get; set; } = true;
        }
    }
}
