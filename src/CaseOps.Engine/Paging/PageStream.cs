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
    /// the enumerator cancels every request in flight.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A stream of pages in the PowerShell sense (items written as they arrive), not a System.IO.Stream; the name is in the architecture document.")]
    public sealed class PageStream<T> : IAsyncEnumerable<T>
    {
        private readonly PageFetcher<T> _fetch;
        private readonly PageStreamOptions _options;
        private long _pagesReceived;

        public PageStream(PageFetcher<T> fetch, PageStreamOptions? options = null)
        {
            _fetch = fetch ?? throw new ArgumentNullException(nameof(fetch));
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
            var pagesConsumed = 0;
            var sawShortPage = false;

            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var inFlight = new Queue<(int Number, Task<Page<T>> Task)>();

            void Request()
            {
                var number = nextPage++;
                inFlight.Enqueue((number, _fetch(number, pageSize, cts.Token)));
            }

            // Keeps up to the allowed number of pages in flight. Without a total the next page is
            // only a guess, so at most one is asked ahead.
            void TopUp()
            {
                var ahead = TotalCount.HasValue ? Math.Min(Math.Max(1, _options.MaxPagesAhead), pagesConsumed + 1) : 1;
                while (!sawShortPage && !cts.IsCancellationRequested && inFlight.Count < ahead && nextPage <= lastWantedPage && nextPage <= lastExistingPage && nextPage < int.MaxValue)
                    Request();
            }

            try
            {
                Request();
                while (inFlight.Count > 0)
                {
                    var (number, task) = inFlight.Dequeue();
                    var page = await task.ConfigureAwait(false);
                    Interlocked.Increment(ref _pagesReceived);
                    if (page.TotalCount is long total)
                    {
                        InitialTotalCount ??= total;
                        TotalCount = total;
                        lastExistingPage = (total + pageSize - 1) / pageSize;
                    }
                    if (page.Items.Count < pageSize)
                        sawShortPage = true;

                    var start = number == firstPage ? skipOnFirstPage : 0;
                    var toppedUp = false;
                    for (var i = start; i < page.Items.Count && remaining > 0; i++)
                    {
                        yield return page.Items[i];
                        remaining--;
                        // Asking for the next page only after the first item was handed over keeps
                        // time-to-first-object at one round trip and lets an early stop cost one page.
                        if (!toppedUp)
                        {
                            TopUp();
                            toppedUp = true;
                        }
                    }
                    pagesConsumed++;
                    if (remaining <= 0 || sawShortPage)
                        yield break;
                    cts.Token.ThrowIfCancellationRequested();
                    TopUp();
                }
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
    }
}
