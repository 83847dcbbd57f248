using System.Runtime.CompilerServices;

namespace CaseOps.Paging
{
    /// <summary>Fetches one page: 1-based page number, page size.</summary>
    public delegate Task<Page<T>> PageFetcher<T>(int pageNumber, int pageSize, CancellationToken cancellationToken);

    /// <summary>
    /// Turns a page-fetching function into a stream of items (docs/architecture.md, Paging; the stop
    /// rules are in docs/contracts/incydr.md, Paging): items come out as soon as their page is parsed,
    /// in server order and exactly once; the next page is requested while the current one is consumed;
    /// the listing stops at the first short page and never asks beyond the reported total; disposing
    /// the enumerator cancels every request in flight. Given a key, it remembers the keys it handed out
    /// and never hands one out twice; pages that do not add up (docs/contracts/incydr.md, "Broken
    /// answers") end the listing with <see cref="ListingIncompleteException"/> after the items before them.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A stream of pages in the PowerShell sense (items written as they arrive), not a System.IO.Stream; the name is in the architecture document.")]
    public sealed class PageStream<T> : IAsyncEnumerable<T>
    {
        private readonly PageFetcher<T> _fetch;
        private readonly PageStreamOptions _options;
        private readonly Func<T, long>? _key;
        private long _pagesReceived;

        /// <param name="fetch">Fetches one page.</param>
        /// <param name="options">Page size, -First, -Skip, look-ahead.</param>
        /// <param name="key">
        /// An item's identity (case number, ticket id, <see cref="ListingKey.Of"/> of a text id): an item
        /// whose key was handed out before is left out, and a page of nothing but such items ends the
        /// listing. Null: no repeat check.
        /// </param>
        public PageStream(PageFetcher<T> fetch, PageStreamOptions? options = null, Func<T, long>? key = null)
        {
            _fetch = fetch ?? throw new ArgumentNullException(nameof(fetch));
            _key = key;
            _options = options ?? new PageStreamOptions();
            if (_options.PageSize < 1)
                throw new ArgumentOutOfRangeException(nameof(options), "PageSize must be at least 1.");
        }

        /// <summary>The server's total, as the latest page reported it.</summary>
        public long? TotalCount { get; private set; }

        /// <summary>The total the first page reported.</summary>
        public long? InitialTotalCount { get; private set; }

        /// <summary>
        /// True when the total changed while listing: items were added or removed (perhaps by the
        /// pipeline itself), so offset paging may have skipped or repeated some.
        /// </summary>
        public bool TotalCountChanged => InitialTotalCount.HasValue && TotalCount != InitialTotalCount;

        public long PagesReceived => Interlocked.Read(ref _pagesReceived);

        /// <summary>A blocking caller's cursor over the items (see <see cref="PageReader{T}"/>).</summary>
        public PageReader<T> OpenReader(CancellationToken cancellationToken) => new PageReader<T>(GetAsyncEnumerator(cancellationToken));

        /// <summary>Every item, in order, once the listing has ended (for callers that need the whole list before acting).</summary>
        public async Task<List<T>> ToListAsync(CancellationToken cancellationToken)
        {
            var items = new List<T>();
            var reader = GetAsyncEnumerator(cancellationToken);
            try
            {
                while (await reader.MoveNextAsync().ConfigureAwait(false))
                    items.Add(reader.Current);
            }
            finally
            {
                await reader.DisposeAsync().ConfigureAwait(false);
            }
            return items;
        }

        public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
            Enumerate(cancellationToken).GetAsyncEnumerator(cancellationToken);

        private async IAsyncEnumerable<T> Enumerate([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var pageSize = _options.PageSize;
            var skip = Math.Max(0, _options.Skip);
            var remaining = _options.First ?? long.MaxValue;
            if (remaining <= 0)
            {
                if (_options.NeedTotalCount)
                    TotalCount = (await _fetch(1, 1, cancellationToken).ConfigureAwait(false)).TotalCount;
                yield break;
            }

            if (skip / pageSize >= int.MaxValue)
                yield break; // beyond any page the API can number
            var firstPage = (int)(skip / pageSize) + 1;
            var skipOnFirstPage = (int)(skip % pageSize);
            long lastWantedPage = _options.First.HasValue && _options.First.Value <= long.MaxValue - skip
                ? (skip + _options.First.Value - 1) / pageSize + 1
                : long.MaxValue;
            long lastExistingPage = long.MaxValue;
            var nextPage = firstPage;
            var sawShortPage = false;

            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var inFlight = new Queue<(int Number, Task<Page<T>> Task)>();

            void Request()
            {
                var number = nextPage++;
                inFlight.Enqueue((number, _fetch(number, pageSize, cts.Token)));
            }

            // The window: pages allowed in flight beyond the one being written (docs/architecture.md,
            // "Paging", "The window"). Nothing is asked ahead before the first item is handed over; then one
            // page (the next), so an early stop within the first page costs one request ahead; and once the
            // caller has used a whole page and still reads, it is reading a listing: the window opens all the
            // way to MaxPagesInFlight, and the connection's limit decides how many of those run at once.
            // Pages are asked ahead only when they are known to exist or to be wanted (a total, or -First),
            // or when the service allows guessing (AskAheadWithoutTotal); otherwise one page at a time.
            var maxInFlight = Math.Max(1, _options.MaxPagesInFlight);
            var window = 0;

            void TopUp()
            {
                var askAhead = TotalCount.HasValue || lastWantedPage != long.MaxValue || _options.AskAheadWithoutTotal;
                var ahead = askAhead ? Math.Max(1, window) : 1;
                while (!sawShortPage && !cts.IsCancellationRequested && inFlight.Count < ahead && nextPage <= lastWantedPage && nextPage <= lastExistingPage && nextPage < int.MaxValue)
                    Request();
            }

            // Pages after a short page are never written: the requests still out for them are cancelled at once.
            void DropPagesAfterShortPage()
            {
                if (inFlight.Count > 0)
                    cts.Cancel();
            }

            var seen = _key != null ? new KeySet() : null;
            long received = 0;
            long repeated = 0;
            try
            {
                Request();
                while (inFlight.Count > 0)
                {
                    var (number, task) = inFlight.Dequeue();
                    var page = await task.ConfigureAwait(false);
                    // A page that arrives after the caller cancelled (a fetch that finished regardless) is not handed out.
                    cancellationToken.ThrowIfCancellationRequested();
                    Interlocked.Increment(ref _pagesReceived);
                    if (page.TotalCount is long total)
                    {
                        InitialTotalCount ??= total;
                        TotalCount = total;
                        lastExistingPage = (total + pageSize - 1) / pageSize;
                    }
                    if (page.Items.Count < pageSize)
                    {
                        sawShortPage = true;
                        DropPagesAfterShortPage();
                    }
                    var fault = _options.VerifyCounts ? CountFault(number, page, pageSize) : null;

                    var start = number == firstPage ? skipOnFirstPage : 0;
                    for (var i = 0; i < start && i < page.Items.Count; i++)
                        seen?.Add(_key!(page.Items[i])); // skipped, not handed out: a repeat of it stays out too
                    var handedOutAny = false;
                    var toppedUp = false;
                    for (var i = start; i < page.Items.Count && remaining > 0; i++)
                    {
                        var item = page.Items[i];
                        if (seen != null && !seen.Add(_key!(item)))
                        {
                            repeated++;
                            continue;
                        }
                        handedOutAny = true;
                        received++;
                        yield return item;
                        remaining--;
                        // Asking for the next page only after the first item was handed over keeps
                        // time-to-first-object at one round trip and lets an early stop cost one page.
                        if (!toppedUp)
                        {
                            window = Math.Max(window, 1);
                            TopUp();
                            toppedUp = true;
                        }
                    }
                    if (remaining <= 0)
                        yield break; // the caller has all it asked for; what the server got wrong beyond that does not matter
                    if (fault != null)
                        throw Incomplete(fault.Value.Fault, fault.Value.Detail, number, received, repeated, skip);
                    if (seen != null && !handedOutAny && page.Items.Count > start)
                        throw Incomplete(ListingFault.RepeatedPage,
                            $"Page {number} held only items already listed ({page.Items.Count - start}): the server answered an earlier page again.",
                            number, received, repeated, skip);
                    if (sawShortPage)
                        break;
                    cts.Token.ThrowIfCancellationRequested();
                    window = maxInFlight; // a whole page used and more wanted: a listing, not a peek
                    TopUp();
                }
                // Only an unchanged total makes the sum a promise: with items added or removed while
                // listing, offset paging may skip some, and the cmdlets warn about that instead.
                if (_options.VerifyCounts && !TotalCountChanged && Expected(skip) is long expected && received < expected)
                    throw Incomplete(ListingFault.EndedBelowTotal,
                        $"The pages ended below the total of {TotalCount}, which did not change" + (repeated > 0
                            ? $"; {repeated} items were repeats of earlier pages, so as many others were never listed."
                            : "."),
                        null, received, repeated, skip);
            }
            finally
            {
                cts.Cancel();
                while (inFlight.Count > 0)
                {
                    try { await inFlight.Dequeue().Task.ConfigureAwait(false); }
                    catch (Exception) { /* cancelled or failed after the consumer left: nobody wants it */ }
                }
            }
        }

        /// <summary>
        /// How a page disagrees with its own total (docs/contracts/incydr.md, "Broken answers"), or null.
        /// Each page is checked against the total it carries itself, not the first page's: a server that
        /// answers each request from one consistent state agrees with itself even while items are added
        /// or removed, so a disagreement is a broken answer, not drift.
        /// </summary>
        private static (ListingFault Fault, string Detail)? CountFault(int number, Page<T> page, int pageSize)
        {
            var count = page.Items.Count;
            if (count > pageSize)
                return (ListingFault.OversizedPage, $"Page {number} held {count} items, more than the {pageSize} asked for.");
            if (!(page.TotalCount is long total))
                return null; // without a total a short page is the last one and a full page asks for the next
            var before = (long)(number - 1) * pageSize;
            var due = Math.Max(0, Math.Min(pageSize, total - before));
            if (count < due)
                return (ListingFault.ShortPage, $"Page {number} held {count} items where its total of {total} implies {due}.");
            if (count > due)
                return (ListingFault.BeyondTotal, $"Page {number} held {count} items where its total of {total} leaves room for {due}.");
            return null;
        }

        /// <summary>Items the listing should hand out by the latest total, after -Skip and up to -First; null without a total.</summary>
        private long? Expected(long skip)
        {
            if (!(TotalCount is long total))
                return null;
            var expected = Math.Max(0, total - skip);
            return _options.First is long first ? Math.Min(first, expected) : expected;
        }

        private ListingIncompleteException Incomplete(ListingFault fault, string detail, int? page, long received, long repeated, long skip)
        {
            var expected = Expected(skip);
            var message = detail + " The listing ended after " + received + (expected.HasValue ? " of " + expected : string.Empty) + " items";
            if (repeated > 0)
                message += " (" + repeated + " repeated items left out)";
            message += ".";
            if (TotalCountChanged)
                message += $" The total also changed from {InitialTotalCount} to {TotalCount} while listing.";
            return new ListingIncompleteException(message, fault, page, expected, received, repeated);
        }
    }
}
