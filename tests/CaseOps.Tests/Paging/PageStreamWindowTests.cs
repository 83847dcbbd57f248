using CaseOps.Paging;
using Xunit;

namespace CaseOps.Tests.Paging;

/// <summary>
/// PageStream step by step against a source whose pages the test answers by hand (docs/architecture.md,
/// "Paging", "The window"): the exact pages asked for at each item, what is still waiting, what is
/// cancelled and when, and that nothing outlives the enumerator. Every test answers or lets end each
/// request it caused before it returns, so no work of one test runs into the next.
/// </summary>
public sealed class PageStreamWindowTests
{
    private const int PageSize = 10;

    /// <summary>How long a step may take before the test gives up instead of hanging (a step that works takes microseconds).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>One request as the stream made it.</summary>
    private sealed record Call(int Page, int Size, CancellationToken Token)
    {
        /// <summary>The test's answer to a held page.</summary>
        public TaskCompletionSource<Page<int>> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>What the fetch returned to the stream.</summary>
        public Task<Page<int>> Task { get; set; } = null!;
    }

    /// <summary>
    /// Items 1..total in pages. Pages before <c>heldFrom</c> are answered at once; later ones wait for the
    /// test's <see cref="Answer"/>. A fetch that honours its token ends when it is cancelled, after a tidy-up
    /// the test may hold back (<see cref="FinishTidyUp"/>); one that does not keeps waiting for its answer.
    /// </summary>
    private sealed class ScriptedSource
    {
        private readonly object _gate = new();
        private readonly List<Call> _calls = new();
        private readonly int _total;
        private readonly bool _reportTotal;
        private readonly int _heldFrom;
        private readonly bool _honoursToken;
        private readonly TaskCompletionSource _tidyUp = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ScriptedSource(int total, bool reportTotal = true, int heldFrom = int.MaxValue, bool honoursToken = true, bool slowTidyUp = false)
        {
            _total = total;
            _reportTotal = reportTotal;
            _heldFrom = heldFrom;
            _honoursToken = honoursToken;
            if (!slowTidyUp)
                _tidyUp.SetResult();
        }

        public Task<Page<int>> Fetch(int page, int size, CancellationToken cancellationToken)
        {
            var call = new Call(page, size, cancellationToken);
            lock (_gate)
                _calls.Add(call);
            call.Task = page < _heldFrom ? Task.FromResult(PageOf(page, size, size)) : Held(call);
            return call.Task;
        }

        private async Task<Page<int>> Held(Call call)
        {
            if (!_honoursToken)
                return await call.Answer.Task.ConfigureAwait(false);
            try
            {
                return await call.Answer.Task.WaitAsync(call.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await _tidyUp.Task.ConfigureAwait(false);
                throw;
            }
        }

        private Page<int> PageOf(int page, int size, int count)
        {
            var first = (page - 1) * size + 1;
            var items = Enumerable.Range(first, Math.Max(0, Math.Min(count, _total - first + 1))).ToList();
            return new Page<int>(items, _reportTotal ? _total : null);
        }

        public IReadOnlyList<Call> Calls
        {
            get
            {
                lock (_gate)
                    return _calls.ToList();
            }
        }

        /// <summary>Pages asked for, in the order asked.</summary>
        public int[] Requested => Calls.Select(c => c.Page).ToArray();

        /// <summary>Pages asked for whose fetch has not ended.</summary>
        public int[] Waiting => Calls.Where(c => !c.Task.IsCompleted).Select(c => c.Page).ToArray();

        public Call Of(int page) => Assert.Single(Calls, c => c.Page == page);

        /// <summary>Answers a held page: full, or with only <paramref name="count"/> items (a short page).</summary>
        public void Answer(int page, int? count = null)
        {
            var call = Of(page);
            call.Answer.SetResult(PageOf(page, call.Size, count ?? call.Size));
        }

        public void FinishTidyUp() => _tidyUp.TrySetResult();

        /// <summary>Lets every fetch still waiting end (answered in full), so nothing outlives the test.</summary>
        public void LetEveryFetchEnd()
        {
            FinishTidyUp();
            foreach (var call in Calls)
                call.Answer.TrySetResult(PageOf(call.Page, call.Size, call.Size));
        }
    }

    private static int[] Pages(int first, int last) => Enumerable.Range(first, Math.Max(0, last - first + 1)).ToArray();

    private static async Task<int> Next(IAsyncEnumerator<int> items)
    {
        Assert.True(await items.MoveNextAsync().AsTask().WaitAsync(Patience));
        return items.Current;
    }

    /// <summary>Reads the first item of a held page: the stream waits for the page until the test answers it.</summary>
    private static async Task<int> NextAfterAnswering(IAsyncEnumerator<int> items, ScriptedSource source, int page)
    {
        var move = items.MoveNextAsync().AsTask();
        Assert.False(move.IsCompleted);
        source.Answer(page);
        Assert.True(await move.WaitAsync(Patience));
        return items.Current;
    }

    /// <summary>Reads to the end, gathering what is handed out even when the listing ends with an exception.</summary>
    private static async Task ReadRest(IAsyncEnumerator<int> items, List<int> handedOut)
    {
        while (await items.MoveNextAsync().AsTask().WaitAsync(Patience))
            handedOut.Add(items.Current);
    }

    /// <summary>
    /// 100 items in pages of 10, MaxPagesInFlight 4. <paramref name="ahead"/>: the window once page 1 is used
    /// (1 where the stream may not guess); <paramref name="lastKnown"/>: the last page the stream knows it
    /// needs (from the total or -First), int.MaxValue where it cannot know; <paramref name="lastRequested"/>:
    /// the last page asked for by the end (an empty page 11 ends a listing without a total).
    /// </summary>
    [Theory]
    [InlineData(true, false, null, 4, 10, 10)]   // a total: the whole window, never past page 10
    [InlineData(false, false, 100, 4, 10, 10)]   // -First 100 bounds it as a total does
    [InlineData(false, false, null, 1, int.MaxValue, 11)] // neither, no guessing: one page ahead
    [InlineData(false, true, null, 4, int.MaxValue, 14)]  // neither, guessing allowed: the window, 12 to 14 cancelled
    public async Task The_window_is_nothing_then_one_page_then_the_maximum_within_the_pages_wanted(
        bool reportTotal, bool askAheadWithoutTotal, int? first, int ahead, int lastKnown, int lastRequested)
    {
        var source = new ScriptedSource(100, reportTotal, heldFrom: 2);
        var options = new PageStreamOptions { PageSize = PageSize, MaxPagesInFlight = 4, First = first, AskAheadWithoutTotal = askAheadWithoutTotal };
        var items = new PageStream<int>(source.Fetch, options).GetAsyncEnumerator();
        try
        {
            Assert.Empty(source.Requested);
            Assert.Equal(1, await Next(items));
            Assert.Equal(new[] { 1 }, source.Requested); // nothing ahead before the first item is taken
            Assert.Equal(2, await Next(items));
            Assert.Equal(new[] { 1, 2 }, source.Requested);
            for (var i = 3; i <= PageSize; i++)
                Assert.Equal(i, await Next(items));
            Assert.Equal(new[] { 1, 2 }, source.Requested); // within page 1: one page ahead, no more

            for (var page = 2; page <= 10; page++)
            {
                var firstItem = (page - 1) * PageSize + 1;
                Assert.Equal(firstItem, await NextAfterAnswering(items, source, page));
                Assert.Equal(Pages(1, Math.Min(page + ahead - 1, lastKnown)), source.Requested);
                Assert.Equal(firstItem + 1, await Next(items)); // the page being written is topped up ahead
                Assert.Equal(Pages(1, Math.Min(page + ahead, lastKnown)), source.Requested);
                Assert.Equal(Pages(page + 1, Math.Min(page + ahead, lastKnown)), source.Waiting);
                for (var i = 2; i < PageSize; i++)
                    Assert.Equal(firstItem + i, await Next(items));
            }

            var end = items.MoveNextAsync().AsTask();
            if (lastRequested > 10)
                source.Answer(11); // empty: the end
            Assert.False(await end.WaitAsync(Patience));
            Assert.Equal(Pages(1, lastRequested), source.Requested);
            Assert.All(source.Calls.Where(c => c.Page > 11), c => Assert.True(c.Token.IsCancellationRequested));
            Assert.Empty(source.Waiting);
        }
        finally
        {
            source.LetEveryFetchEnd();
            await items.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(0, 10, new[] { 1 })]    // exactly page 1
    [InlineData(5, 5, new[] { 1 })]     // the end of page 1
    [InlineData(5, 6, new[] { 1, 2 })]  // one item into page 2
    [InlineData(10, 1, new[] { 2 })]    // the first item of page 2 only
    [InlineData(9, 11, new[] { 1, 2 })] // the last of page 1 to the end of page 2
    [InlineData(19, 2, new[] { 2, 3 })] // across a boundary, the first page skipped
    public async Task First_and_Skip_ask_for_the_last_wanted_page_and_not_one_more(int skip, int first, int[] pages)
    {
        var source = new ScriptedSource(1000);

        var items = await new PageStream<int>(source.Fetch, new PageStreamOptions { PageSize = PageSize, Skip = skip, First = first }).ToListAsync(CancellationToken.None);

        Assert.Equal(Enumerable.Range(skip + 1, first), items);
        Assert.Equal(pages, source.Requested);
        Assert.All(source.Calls, c => Assert.Equal(PageSize, c.Size));
    }

    [Fact]
    public async Task Stopping_early_cancels_every_request_in_flight_and_waits_until_each_has_ended()
    {
        var source = new ScriptedSource(1000, heldFrom: 3, slowTidyUp: true);
        var items = new PageStream<int>(source.Fetch, new PageStreamOptions { PageSize = PageSize, MaxPagesInFlight = 4 }).GetAsyncEnumerator();
        Task? disposing = null;
        try
        {
            for (var i = 1; i <= 12; i++)
                Assert.Equal(i, await Next(items));
            Assert.Equal(new[] { 3, 4, 5, 6 }, source.Waiting); // page 2 being written, the window ahead of it

            disposing = items.DisposeAsync().AsTask();

            Assert.All(source.Calls, c => Assert.True(c.Token.IsCancellationRequested, $"page {c.Page} not cancelled"));
            Assert.False(disposing.IsCompleted, "DisposeAsync returned while cancelled fetches were still running");
            source.FinishTidyUp();
            await disposing.WaitAsync(Patience); // a fetch ending in cancellation is not the caller's error
            Assert.Empty(source.Waiting);
            Assert.Equal(Pages(1, 6), source.Requested);
        }
        finally
        {
            source.LetEveryFetchEnd();
            await (disposing ?? items.DisposeAsync().AsTask()).WaitAsync(Patience);
        }
    }

    [Fact]
    public async Task Once_the_caller_cancels_no_further_page_is_handed_out_even_one_that_arrives()
    {
        using var caller = new CancellationTokenSource();
        var source = new ScriptedSource(1000, heldFrom: 2, honoursToken: false);
        var items = new PageStream<int>(source.Fetch, new PageStreamOptions { PageSize = PageSize, MaxPagesInFlight = 4 }).GetAsyncEnumerator(caller.Token);
        var handedOut = new List<int>();
        try
        {
            for (var i = 1; i <= PageSize; i++)
                handedOut.Add(await Next(items));
            Assert.Equal(new[] { 2 }, source.Waiting);

            await caller.CancelAsync();
            Assert.True(source.Of(2).Token.IsCancellationRequested);
            source.Answer(2); // the fetch ignores its token and brings page 2 anyway
            await source.Of(2).Task.WaitAsync(Patience);

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ReadRest(items, handedOut));
            Assert.Equal(Pages(1, PageSize), handedOut);
            Assert.Equal(new[] { 1, 2 }, source.Requested);
        }
        finally
        {
            source.LetEveryFetchEnd();
            await items.DisposeAsync();
        }
    }

    /// <summary>As above, but the caller is already waiting for page 2 when it cancels: the page that still arrives is not handed out.</summary>
    [Fact]
    public async Task A_cancel_while_the_caller_waits_for_a_page_hands_out_none_of_it()
    {
        using var caller = new CancellationTokenSource();
        var source = new ScriptedSource(1000, heldFrom: 2, honoursToken: false);
        var items = new PageStream<int>(source.Fetch, new PageStreamOptions { PageSize = PageSize, MaxPagesInFlight = 4 }).GetAsyncEnumerator(caller.Token);
        var handedOut = new List<int>();
        try
        {
            for (var i = 1; i <= PageSize; i++)
                handedOut.Add(await Next(items));
            var waiting = items.MoveNextAsync().AsTask();
            Assert.False(waiting.IsCompleted);

            await caller.CancelAsync();
            source.Answer(2); // the fetch ignores its token and brings page 2 anyway
            source.LetEveryFetchEnd(); // the pages asked ahead end too, so the stream can tidy up

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
            Assert.Equal(Pages(1, PageSize), handedOut);
        }
        finally
        {
            source.LetEveryFetchEnd();
            await items.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_short_page_ends_the_listing_and_cancels_the_later_pages_at_once_without_writing_them()
    {
        var source = new ScriptedSource(1000, reportTotal: false, heldFrom: 2, honoursToken: false);
        var options = new PageStreamOptions { PageSize = PageSize, MaxPagesInFlight = 4, AskAheadWithoutTotal = true };
        var items = new PageStream<int>(source.Fetch, options).GetAsyncEnumerator();
        var handedOut = new List<int>();
        try
        {
            for (var i = 1; i <= PageSize; i++)
                handedOut.Add(await Next(items));
            var move = items.MoveNextAsync().AsTask();
            Assert.Equal(Pages(1, 5), source.Requested);
            source.Answer(2, count: 5);
            Assert.True(await move.WaitAsync(Patience));
            handedOut.Add(items.Current);

            // Cancelled as soon as page 2 came back short, before its first item was written.
            Assert.All(source.Calls.Where(c => c.Page > 2), c => Assert.True(c.Token.IsCancellationRequested, $"page {c.Page} not cancelled"));
            foreach (var page in new[] { 3, 4, 5 })
                source.Answer(page); // they come back full anyway
            await ReadRest(items, handedOut);

            Assert.Equal(Pages(1, 15), handedOut);
            Assert.Equal(Pages(1, 5), source.Requested);
            Assert.Empty(source.Waiting);
        }
        finally
        {
            source.LetEveryFetchEnd();
            await items.DisposeAsync();
        }
    }

    [Fact]
    public async Task First_0_with_the_total_wanted_asks_for_one_item_of_page_1_and_hands_out_none()
    {
        var source = new ScriptedSource(250);
        var stream = new PageStream<int>(source.Fetch, new PageStreamOptions { PageSize = 100, First = 0, NeedTotalCount = true });

        Assert.Empty(await stream.ToListAsync(CancellationToken.None));

        var call = Assert.Single(source.Calls);
        Assert.Equal(1, call.Page);
        Assert.Equal(1, call.Size);
        Assert.Equal(250, stream.TotalCount);
    }

    [Fact]
    public async Task First_0_without_the_total_asks_for_nothing()
    {
        var source = new ScriptedSource(250);
        var stream = new PageStream<int>(source.Fetch, new PageStreamOptions { PageSize = 100, First = 0 });

        Assert.Empty(await stream.ToListAsync(CancellationToken.None));

        Assert.Empty(source.Calls);
        Assert.Null(stream.TotalCount);
    }
}
