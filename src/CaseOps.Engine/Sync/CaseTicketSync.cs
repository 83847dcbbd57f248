using System.Linq;
using CaseOps.Connections;
using CaseOps.Http;
using CaseOps.Incydr.Models;
using CaseOps.Paging;
using CaseOps.Sync.Models;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Sync
{
    /// <summary>Where new tickets go and how they are keyed.</summary>
    public sealed class CaseTicketSyncOptions
    {
        private readonly Dictionary<CaseStatus, string> _states = new Dictionary<CaseStatus, string>
        {
            [CaseStatus.Open] = "open",
            [CaseStatus.Closed] = "closed",
            [CaseStatus.Archived] = "closed",
        };

        public CaseTicketSyncOptions(string group, string customer, string keyPrefix, IReadOnlyDictionary<CaseStatus, string>? stateMap = null)
        {
            Group = group;
            Customer = customer;
            Key = new CaseTicketKey(keyPrefix);
            if (stateMap != null)
            {
                foreach (var entry in stateMap)
                    _states[entry.Key] = entry.Value;
            }
        }

        public string Group { get; }
        public string Customer { get; }
        public CaseTicketKey Key { get; }

        /// <summary>The ticket state that mirrors <paramref name="status"/> (-StateMap over OPEN → open, CLOSED and ARCHIVED → closed).</summary>
        public string StateFor(CaseStatus status) => _states[status];
    }

    /// <summary>A case's ticket as found in Zammad, with the content hash of its last sync note (null when none is found).</summary>
    public sealed class TrackedTicket
    {
        public TrackedTicket(Ticket ticket, string? contentHash)
        {
            Ticket = ticket;
            ContentHash = contentHash;
        }

        public Ticket Ticket { get; }
        public string? ContentHash { get; }
    }

    /// <summary>
    /// Finds the tickets that track a batch of cases (one tag search) and creates the missing ones, each with its
    /// tag in the create request (docs/architecture.md, "Sync-CaseTicket").
    /// </summary>
    public sealed class CaseTicketSync
    {
        /// <summary>Cases per search: the query stays short and one search page answers it.</summary>
        public const int BatchSize = 50;

        private readonly TicketService _tickets;
        private readonly ArticleService _articles;
        private readonly CaseTicketSyncOptions _options;

        public CaseTicketSync(ZammadConnection connection, CaseTicketSyncOptions options, IRequestLog? log = null)
        {
            _tickets = new TicketService(connection, log);
            _articles = new ArticleService(connection, log);
            _options = options;
        }

        /// <summary>
        /// The tickets of <paramref name="cases"/> by case number: one search for the batch's tags, then each hit's
        /// articles, whose last marker names the case and the content last written. Reads only.
        /// </summary>
        public async Task<IReadOnlyDictionary<long, TrackedTicket>> FindAsync(IReadOnlyCollection<Case> cases, CancellationToken cancellationToken)
        {
            if (cases.Count > BatchSize)
                throw new ArgumentOutOfRangeException(nameof(cases), $"At most {BatchSize} cases per search.");
            var byTag = cases.GroupBy(c => _options.Key.Tag(c.Number)).ToDictionary(g => g.Key, g => g.First().Number, StringComparer.Ordinal);
            var found = new Dictionary<long, TrackedTicket>();
            if (byTag.Count == 0)
                return found;
            var search = new TicketSearch(_options.Key.Query(cases.Select(c => c.Number).Distinct())) { Expand = true, SortBy = "id", Descending = false };
            var page = TicketService.MaxSearchPageSize;
            var hits = await _tickets.Search(search, new PageStreamOptions { PageSize = page, First = page }).ToListAsync(cancellationToken).ConfigureAwait(false);
            // Id ascending, so the first ticket made for a case wins over any later duplicate.
            foreach (var ticket in hits)
            {
                var marker = await LastMarkerAsync(ticket.Id, cancellationToken).ConfigureAwait(false);
                if (marker is { } m && byTag.TryGetValue(m.Tag, out var number) && !found.ContainsKey(number))
                    found[number] = new TrackedTicket(ticket, m.Hash);
            }
            return found;
        }

        /// <summary>
        /// The ticket of <paramref name="source"/>: created when <paramref name="existing"/> is null (unless
        /// <paramref name="apply"/> is false, the -WhatIf plan), otherwise compared: a changed description or findings
        /// adds one internal note, a changed name the title, an open case the open state, all in one ticket update.
        /// </summary>
        public async Task<CaseTicketSyncResult> SyncAsync(Case source, TrackedTicket? existing, bool apply, CancellationToken cancellationToken)
        {
            if (existing == null)
            {
                var result = new CaseTicketSyncResult(source.Number, CaseTicketSyncAction.Created, source.UpdatedAt) { Changes = new[] { "ticket" } };
                if (apply)
                {
                    var created = await _tickets.CreateAsync(NewTicket(source), cancellationToken).ConfigureAwait(false);
                    result.TicketId = created.Id;
                    result.TicketNumber = created.Number;
                }
                return result;
            }
            var changes = new List<string>();
            var update = new TicketChanges();
            var title = CaseTicketNote.Title(source);
            if (!string.Equals(existing.Ticket.Title, title, StringComparison.Ordinal))
            {
                changes.Add("title");
                update.Title = title;
            }
            // Only an open case's state is mirrored here: closing waits for the summary PDF (docs/architecture.md, "Sync-CaseTicket").
            var state = _options.StateFor(source.Status);
            if (source.Status == CaseStatus.Open && !string.Equals(existing.Ticket.State, state, StringComparison.OrdinalIgnoreCase))
            {
                changes.Add("state:" + state);
                update.State = TicketReference.ByName(state);
            }
            if (!string.Equals(existing.ContentHash, CaseContentHash.Of(source), StringComparison.Ordinal))
            {
                changes.Add("note");
                update.Article = Note(source, title);
            }
            if (apply && !update.IsEmpty)
                await _tickets.UpdateAsync(existing.Ticket.Id, update, cancellationToken).ConfigureAwait(false);
            return new CaseTicketSyncResult(source.Number, changes.Count == 0 ? CaseTicketSyncAction.Unchanged : CaseTicketSyncAction.Updated, source.UpdatedAt)
            {
                TicketId = existing.Ticket.Id,
                TicketNumber = existing.Ticket.Number,
                Changes = changes.ToArray(),
            };
        }

        private ArticleDraft Note(Case source, string subject) =>
            new ArticleDraft { Body = CaseTicketNote.Body(source, _options.Key.Tag(source.Number)), Type = "note", Internal = true, Subject = subject, ContentType = "text/plain" };

        private TicketChanges NewTicket(Case source)
        {
            var tag = _options.Key.Tag(source.Number);
            var title = CaseTicketNote.Title(source);
            return new TicketChanges
            {
                Title = title,
                Group = TicketReference.ByName(_options.Group),
                Customer = _options.Customer,
                // In the create request itself: a ticket never exists without its key (docs/architecture.md, "Sync-CaseTicket").
                Tags = new List<string> { tag },
                State = source.Status == CaseStatus.Open ? TicketReference.ByName(_options.StateFor(CaseStatus.Open)) : null,
                Article = Note(source, title),
            };
        }

        private async Task<(string Tag, string Hash)?> LastMarkerAsync(long ticketId, CancellationToken cancellationToken)
        {
            var articles = await _articles.ListAsync(ticketId, cancellationToken).ConfigureAwait(false);
            for (var i = articles.Count - 1; i >= 0; i--)
            {
                if (CaseTicketKey.TryReadMarker(articles[i].Body, out var tag, out var hash))
                    return (tag, hash);
            }
            return null;
        }
    }
}
