using System.Linq;
using CaseOps.Connections;
using CaseOps.Http;
using CaseOps.Incydr;
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

    /// <summary>
    /// A case's ticket as found in Zammad: the marker of its last sync note and whether an article already
    /// carries the case's summary PDF.
    /// </summary>
    public sealed class TrackedTicket
    {
        public TrackedTicket(Ticket ticket, SyncMarker marker, bool hasSummaryPdf)
        {
            Ticket = ticket;
            Marker = marker;
            HasSummaryPdf = hasSummaryPdf;
        }

        public Ticket Ticket { get; }
        public SyncMarker Marker { get; }
        public bool HasSummaryPdf { get; }
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
        private readonly Func<long, CancellationToken, Task<ArticleFile>> _summaryPdf;

        /// <summary><paramref name="summaryPdf"/> gives a closed case's summary PDF; it is called only when a ticket lacks it, so Incydr is asked only then.</summary>
        public CaseTicketSync(ZammadConnection connection, CaseTicketSyncOptions options, Func<long, CancellationToken, Task<ArticleFile>> summaryPdf, IRequestLog? log = null)
        {
            _tickets = new TicketService(connection, log);
            _articles = new ArticleService(connection, log);
            _options = options;
            _summaryPdf = summaryPdf;
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
            // A hit is only a candidate (a search index may split "incydr-case-12" into words): its own marker says whose it is.
            foreach (var ticket in hits)
            {
                var articles = await _articles.ListAsync(ticket.Id, cancellationToken).ConfigureAwait(false);
                if (LastMarker(articles) is { } m && byTag.TryGetValue(m.Tag, out var number) && !found.ContainsKey(number))
                    found[number] = new TrackedTicket(ticket, m, HasAttachment(articles, CaseExportService.SummaryFileName(number)));
            }
            return found;
        }

        /// <summary>
        /// The ticket of <paramref name="source"/>: created when <paramref name="existing"/> is null, otherwise
        /// compared: a changed description or findings adds one internal note, a changed name the title, the
        /// status the mapped state, all in one ticket update. A closed case's ticket first gets the summary PDF
        /// (once: an attachment of that name means it is there), then the closed state. With
        /// <paramref name="apply"/> false (the -WhatIf plan) nothing is sent, and the result says what would be.
        /// </summary>
        public async Task<CaseTicketSyncResult> SyncAsync(Case source, TrackedTicket? existing, bool apply, CancellationToken cancellationToken)
        {
            var changes = new List<string>();
            var title = CaseTicketNote.Title(source);
            var closing = source.Status != CaseStatus.Open;
            var state = _options.StateFor(source.Status);
            long? ticketId = existing?.Ticket.Id;
            var ticketNumber = existing?.Ticket.Number;
            var update = new TicketChanges();
            if (existing == null)
            {
                changes.Add("ticket");
                if (apply)
                {
                    // An open case's ticket starts in its state; a closed case's ticket is closed only after its PDF.
                    var created = await _tickets.CreateAsync(NewTicket(source, closing ? null : state), cancellationToken).ConfigureAwait(false);
                    ticketId = created.Id;
                    ticketNumber = created.Number;
                }
                if (closing)
                    update.State = TicketReference.ByName(state);
            }
            else
            {
                if (!string.Equals(existing.Ticket.Title, title, StringComparison.Ordinal))
                    update.Title = title;
                if (!string.Equals(existing.Ticket.State, state, StringComparison.OrdinalIgnoreCase))
                    update.State = TicketReference.ByName(state);
                if (!KnownUnchanged(source, existing) && !string.Equals(existing.Marker.ContentHash, CaseContentHash.Of(source), StringComparison.Ordinal))
                    update.Article = Note(source, title);
            }
            if (closing && existing?.HasSummaryPdf != true)
            {
                changes.Add("pdf");
                if (apply)
                    await AttachSummaryAsync(source, ticketId!.Value, cancellationToken).ConfigureAwait(false);
            }
            if (update.Title != null)
                changes.Add("title");
            if (update.State != null)
                changes.Add("state:" + state);
            if (update.Article != null)
                changes.Add("note");
            if (apply && !update.IsEmpty)
                await _tickets.UpdateAsync(ticketId!.Value, update, cancellationToken).ConfigureAwait(false);
            return new CaseTicketSyncResult(source.Number, ActionOf(existing == null, closing, changes), source.UpdatedAt)
            {
                TicketId = ticketId,
                TicketNumber = ticketNumber,
                Changes = new CaseTicketSyncChanges(changes),
            };
        }

        /// <summary>
        /// True when <paramref name="source"/> comes from a listing (no description or findings) and its ticket's last
        /// note was written at this very <c>updatedAt</c>: the content cannot have changed, so the case need not be read.
        /// </summary>
        public static bool KnownUnchanged(Case source, TrackedTicket? existing) =>
            IsListed(source) && existing?.Marker.CaseUpdatedAt == source.UpdatedAt;

        /// <summary>A case as a listing gives it: without description and findings, which the notes need.</summary>
        public static bool IsListed(Case source) => source.Description == null && source.Findings == null;

        private static CaseTicketSyncAction ActionOf(bool created, bool closing, List<string> changes)
        {
            if (created)
                return CaseTicketSyncAction.Created;
            if (changes.Count == 0)
                return CaseTicketSyncAction.Unchanged;
            return closing && (changes.Contains("pdf") || changes.Exists(c => c.StartsWith("state:", StringComparison.Ordinal)))
                ? CaseTicketSyncAction.Closed
                : CaseTicketSyncAction.Updated;
        }

        private async Task AttachSummaryAsync(Case source, long ticketId, CancellationToken cancellationToken)
        {
            var pdf = await _summaryPdf(source.Number, cancellationToken).ConfigureAwait(false);
            var note = new ArticleDraft
            {
                Body = $"Incydr case {source.Number} is {source.Status.ToString().ToUpperInvariant()}; its summary is attached.",
                Type = "note",
                Internal = true,
                Subject = CaseTicketNote.Title(source),
                ContentType = "text/plain",
            };
            await _articles.CreateAsync(ticketId, note, new[] { pdf }, cancellationToken).ConfigureAwait(false);
        }

        private ArticleDraft Note(Case source, string subject) =>
            new ArticleDraft { Body = CaseTicketNote.Body(source, _options.Key.Tag(source.Number)), Type = "note", Internal = true, Subject = subject, ContentType = "text/plain" };

        private TicketChanges NewTicket(Case source, string? state)
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
                State = state == null ? null : TicketReference.ByName(state),
                Article = Note(source, title),
            };
        }

        private static SyncMarker? LastMarker(List<TicketArticle> articles)
        {
            for (var i = articles.Count - 1; i >= 0; i--)
            {
                if (CaseTicketKey.ReadMarker(articles[i].Body) is { } marker)
                    return marker;
            }
            return null;
        }

        private static bool HasAttachment(List<TicketArticle> articles, string fileName) =>
            articles.Exists(a => a.Attachments.Any(f => string.Equals(f.FileName, fileName, StringComparison.OrdinalIgnoreCase)));
    }
}
