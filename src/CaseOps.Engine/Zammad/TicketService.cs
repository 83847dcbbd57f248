using System.Globalization;
using CaseOps.Connections;
using CaseOps.Http;
using CaseOps.Paging;
using CaseOps.Zammad.Models;
using Newtonsoft.Json.Linq;
using RestSharp;

namespace CaseOps.Zammad
{
    /// <summary>The Zammad tickets API: list, search, read, create, update, delete and merge tickets.</summary>
    public sealed class TicketService
    {
        /// <summary>The server's largest page for /tickets.</summary>
        public const int MaxListPageSize = 100;

        /// <summary>The server's largest page for /tickets/search.</summary>
        public const int MaxSearchPageSize = 200;

        private readonly ZammadConnection _connection;
        private readonly ApiClient _api;
        private readonly IRequestLog _log;
        private readonly TicketNames _names;

        public TicketService(ZammadConnection connection, IRequestLog? log = null)
        {
            _connection = connection;
            _api = connection.Api;
            _log = log ?? RequestLog.None;
            _names = new TicketNames(connection.Catalog, _log);
        }

        /// <summary>
        /// Every ticket the account may read, id ascending. Zammad reports no total, so the listing ends at a short page.
        /// Without <paramref name="expand"/>, group, state, priority and owner are named from the connection's catalog.
        /// </summary>
        public PageStream<Ticket> List(bool expand, PageStreamOptions paging)
        {
            CheckPageSize(paging, MaxListPageSize);
            paging = AskingAhead(paging);
            return new PageStream<Ticket>(async (page, size, ct) =>
            {
                var request = new RestRequest("tickets");
                AddPage(request, page, size);
                AddExpand(request, expand);
                var tickets = Linked(await _api.SendAsync<List<Ticket>>(request, _log, ct).ConfigureAwait(false));
                if (!expand)
                    await _names.AddAsync(tickets, ct).ConfigureAwait(false);
                return new Page<Ticket>(tickets, null);
            }, paging, t => t.Id);
        }

        /// <summary>Tickets matching a query, in the order asked for (the server's default: last updated first); named as <see cref="List"/> names them.</summary>
        public PageStream<Ticket> Search(TicketSearch search, PageStreamOptions paging)
        {
            CheckPageSize(paging, MaxSearchPageSize);
            paging = AskingAhead(paging);
            return new PageStream<Ticket>(async (page, size, ct) =>
            {
                var request = new RestRequest("tickets/search");
                request.AddQueryParameter("query", search.Query);
                AddPage(request, page, size);
                AddExpand(request, search.Expand);
                if (!string.IsNullOrEmpty(search.SortBy))
                    request.AddQueryParameter("sort_by", search.SortBy);
                if (search.Descending.HasValue)
                    request.AddQueryParameter("order_by", search.Descending.Value ? "desc" : "asc");
                if (paging.NeedTotalCount)
                    request.AddQueryParameter("with_total_count", "true");
                var result = await _api.SendAsync(request, TicketSearchReader.Read, _log, ct).ConfigureAwait(false);
                Linked(result.Items);
                if (!search.Expand)
                    await _names.AddAsync(result.Items, ct).ConfigureAwait(false);
                return result;
            }, paging, t => t.Id);
        }

        /// <summary>One ticket; without <paramref name="expand"/>, named as <see cref="List"/> names them.</summary>
        public async Task<Ticket> GetAsync(long id, bool expand, CancellationToken cancellationToken)
        {
            var request = new RestRequest(TicketPath(id));
            AddExpand(request, expand);
            var ticket = Linked(await _api.SendAsync<Ticket>(request, _log, cancellationToken, IsTicket(id)).ConfigureAwait(false));
            if (!expand)
                await _names.AddAsync(new[] { ticket }, cancellationToken).ConfigureAwait(false);
            return ticket;
        }

        /// <summary>The ticket with this number (not id), or null; found by search, so only tickets the account may read.</summary>
        public async Task<Ticket?> FindByNumberAsync(string number, CancellationToken cancellationToken)
        {
            var search = Search(new TicketSearch("number:" + number) { Expand = true }, new PageStreamOptions { PageSize = 10, First = 10 });
            var enumerator = search.GetAsyncEnumerator(cancellationToken);
            try
            {
                while (await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    if (string.Equals(enumerator.Current.Number, number, StringComparison.Ordinal))
                        return enumerator.Current;
                }
                return null;
            }
            finally
            {
                await enumerator.DisposeAsync().ConfigureAwait(false);
            }
        }

        /// <summary>Creates a ticket (with its first article when given) and returns it with names expanded.</summary>
        public async Task<Ticket> CreateAsync(TicketChanges ticket, CancellationToken cancellationToken)
        {
            var body = await TicketBodyBuilder.BuildAsync(ticket, _connection.Catalog, create: true, _log, cancellationToken).ConfigureAwait(false);
            var request = new RestRequest("tickets", Method.Post);
            AddExpand(request, true);
            request.AddStringBody(body.ToString(Newtonsoft.Json.Formatting.None), ContentType.Json);
            return Linked(await _api.SendAsync<Ticket>(request, _log, cancellationToken).ConfigureAwait(false));
        }

        /// <summary>Changes only the fields in <paramref name="changes"/> (Zammad updates are partial) and returns the ticket with names expanded.</summary>
        public async Task<Ticket> UpdateAsync(long id, TicketChanges changes, CancellationToken cancellationToken)
        {
            var body = await TicketBodyBuilder.BuildAsync(changes, _connection.Catalog, create: false, _log, cancellationToken).ConfigureAwait(false);
            // An update that carries an article adds that article each time it is sent.
            var request = new ApiRequest(TicketPath(id), Method.Put, changes.Article == null ? RepeatPolicy.Repeatable : RepeatPolicy.NotRepeatable);
            AddExpand(request, true);
            request.AddStringBody(body.ToString(Newtonsoft.Json.Formatting.None), ContentType.Json);
            return Linked(await _api.SendAsync<Ticket>(request, _log, cancellationToken, IsTicket(id)).ConfigureAwait(false));
        }

        public async Task RemoveAsync(long id, CancellationToken cancellationToken) =>
            await _api.SendAsync(new RestRequest(TicketPath(id), Method.Delete), _log, cancellationToken).ConfigureAwait(false);

        /// <summary>
        /// Merges ticket <paramref name="sourceId"/> into the ticket numbered <paramref name="targetNumber"/>.
        /// Zammad answers 200 even when it found neither; that comes back as a failed <see cref="MergeOutcome"/>.
        /// </summary>
        public async Task<MergeOutcome> MergeAsync(long sourceId, string targetNumber, CancellationToken cancellationToken)
        {
            // A PUT, but not repeatable: sent again after it worked, the merge fails on the merged source
            // (docs/contracts/zammad.md, "Merging tickets"), so a lost answer is left to the user to check.
            var source = sourceId.ToString(CultureInfo.InvariantCulture);
            var request = new ApiRequest($"ticket_merge/{source}/{Uri.EscapeDataString(targetNumber)}", Method.Put, RepeatPolicy.NotRepeatable,
                $"Ticket {source} is in the state 'merged' if the merge took effect.");
            var answer = await _api.SendAsync<JObject>(request, _log, cancellationToken).ConfigureAwait(false);
            var succeeded = string.Equals(answer.Value<string>("result"), "success", StringComparison.OrdinalIgnoreCase);
            return new MergeOutcome(succeeded, answer.Value<string>("message"));
        }

        /// <summary>
        /// Zammad reports no total for a listing (nor for a search unless asked), and answers a page beyond
        /// the end with an empty one, so pages are asked ahead while they come back full
        /// (docs/contracts/zammad.md, "Paging").
        /// </summary>
        private static PageStreamOptions AskingAhead(PageStreamOptions paging)
        {
            var options = paging.Clone();
            options.AskAheadWithoutTotal = true;
            return options;
        }

        private static void CheckPageSize(PageStreamOptions paging, int max)
        {
            // The server silently clamps larger pages, which would look like a short last page.
            if (paging.PageSize > max)
                throw new ArgumentOutOfRangeException(nameof(paging), $"The page size can be at most {max}.");
        }

        private static void AddPage(RestRequest request, int page, int size)
        {
            request.AddQueryParameter("page", page.ToString(CultureInfo.InvariantCulture));
            request.AddQueryParameter("per_page", size.ToString(CultureInfo.InvariantCulture));
        }

        private static void AddExpand(RestRequest request, bool expand)
        {
            if (expand)
                request.AddQueryParameter("expand", "true");
        }

        private Ticket Linked(Ticket ticket)
        {
            ticket.WebUrl = new Uri(_connection.WebUri, "#ticket/zoom/" + ticket.Id.ToString(CultureInfo.InvariantCulture));
            return ticket;
        }

        private IReadOnlyList<Ticket> Linked(IReadOnlyList<Ticket> tickets)
        {
            foreach (var ticket in tickets)
                Linked(ticket);
            return tickets;
        }

        // An answer about another ticket is a broken answer, not that ticket (docs/architecture.md, "Errors").
        private static Action<Ticket> IsTicket(long id) => answer => StrictJson.SameId("id", id, answer.Id);

        private static string TicketPath(long id) => "tickets/" + id.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>What a search asks for.</summary>
    public sealed class TicketSearch
    {
        public TicketSearch(string query) => Query = query;

        public string Query { get; }

        /// <summary>A ticket field; null leaves the server's default (updated_at).</summary>
        public string? SortBy { get; set; }

        /// <summary>True desc, false asc, null the server's default (desc).</summary>
        public bool? Descending { get; set; }

        public bool Expand { get; set; }
    }

    /// <summary>The answer of a merge: Zammad says "failed" with a message instead of an HTTP error when it finds neither ticket.</summary>
    public sealed class MergeOutcome
    {
        public MergeOutcome(bool succeeded, string? message)
        {
            Succeeded = succeeded;
            Message = message;
        }

        public bool Succeeded { get; }
        public string? Message { get; }
    }
}
