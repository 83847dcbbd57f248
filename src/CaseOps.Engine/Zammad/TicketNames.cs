using System.Linq;
using CaseOps.Http;
using CaseOps.Zammad.Models;

namespace CaseOps.Zammad
{
    /// <summary>
    /// Names the group, state, priority and owner of tickets the server sent with ids only (a listing,
    /// search or read without expand), from the connection's catalog: no request per ticket, and the
    /// catalog loads each table once per connection, only when there is a ticket to name.
    /// </summary>
    /// <remarks>
    /// A name is looked up in the table as loaded, never by reloading it: an id the table lacks (an owner
    /// who is no agent any more, a state created elsewhere since) leaves that name empty, and the table
    /// views show the id instead (module/CaseOps.format.ps1xml). A table that cannot be loaded (an account
    /// without the right to list agents) leaves its names empty for the rest of the listing, with a verbose
    /// line: names are a convenience, and the tickets are still right without them.
    /// </remarks>
    internal sealed class TicketNames
    {
        /// <summary>Owner id 1 is Zammad's "nobody" user, login "-": the ticket is unassigned (docs/contracts/zammad.md, Ticket schema).</summary>
        internal const long NobodyId = 1;
        internal const string NobodyLogin = "-";

        private readonly ZammadCatalog _catalog;
        private readonly IRequestLog _log;
        private readonly HashSet<CatalogKind> _unavailable = new HashSet<CatalogKind>();
        private readonly object _gate = new object();

        public TicketNames(ZammadCatalog catalog, IRequestLog log)
        {
            _catalog = catalog;
            _log = log;
        }

        /// <summary>Fills the names <paramref name="tickets"/> lack; the tables they need load side by side.</summary>
        public async Task AddAsync(IReadOnlyList<Ticket> tickets, CancellationToken cancellationToken)
        {
            var unnamed = tickets.Where(t => t.Group == null || t.State == null || t.Priority == null || (t.Owner == null && t.OwnerId != NobodyId)).ToList();
            if (unnamed.Count == 0)
                return;
            var groups = TableAsync(CatalogKind.Group, unnamed.Any(t => t.Group == null), cancellationToken);
            var states = TableAsync(CatalogKind.State, unnamed.Any(t => t.State == null), cancellationToken);
            var priorities = TableAsync(CatalogKind.Priority, unnamed.Any(t => t.Priority == null), cancellationToken);
            var owners = TableAsync(CatalogKind.Owner, unnamed.Any(t => t.Owner == null && t.OwnerId != NobodyId), cancellationToken);
            await Task.WhenAll(groups, states, priorities, owners).ConfigureAwait(false);
            foreach (var ticket in unnamed)
            {
                ticket.AddNames(
                    NameIn(groups.Result, ticket.GroupId),
                    NameIn(states.Result, ticket.StateId),
                    NameIn(priorities.Result, ticket.PriorityId),
                    ticket.OwnerId == NobodyId ? NobodyLogin : NameIn(owners.Result, ticket.OwnerId));
            }
        }

        /// <summary>The table by id, or null when it is not needed or could not be loaded.</summary>
        private async Task<IReadOnlyDictionary<long, string>?> TableAsync(CatalogKind kind, bool needed, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (!needed || _unavailable.Contains(kind))
                    return null;
            }
            try
            {
                var table = await _catalog.GetAsync(kind, _log, cancellationToken).ConfigureAwait(false);
                var byId = new Dictionary<long, string>(table.Count);
                foreach (var entry in table)
                    byId[entry.Id] = entry.Name;
                return byId;
            }
            catch (Exception ex) when (ex is CaseOpsApiException || ex is InvalidAnswerException)
            {
                lock (_gate)
                {
                    if (!_unavailable.Add(kind))
                        return null;
                }
                _log.Verbose($"Tickets show {CatalogKinds.Noun(kind)} ids instead of names: the list could not be read ({ex.Message})");
                return null;
            }
        }

        private static string? NameIn(IReadOnlyDictionary<long, string>? table, long id) =>
            table != null && table.TryGetValue(id, out var name) ? name : null;
    }
}
