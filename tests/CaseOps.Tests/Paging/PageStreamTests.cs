using System.Collections.Concurrent;
using CaseOps.Paging;
using Xunit;

namespace CaseOps.Tests.Paging;

/// <summary>PageStream against scripted page sources: order, stop rules, look-ahead, cancellation.</summary>
public sealed class PageStreamTests
{
    /// <summary>Serves 1..total in pages, recording which pages were asked and when they were cancelled.</summary>
    private sealed class FakeSource
    {
        private readonly int _total;
        private readonly bool _reportTotal;
        private readonly Func<int, TimeSpan> _delay;
        public readonly ConcurrentQueue<int> Requested = new();
        public readonly ConcurrentQueue<int> Cancelled = new();

        public FakeSource(int total, bool reportTotal = true, Func<int, TimeSpan>? delay = null)
        {
            _total = total;
            _reportTotal = reportTotal;
            _delay = delay ?? (_ => TimeSpan.Zero);
        }

        private int _running;

        /// <summary>The most fetches that were running at once.</summary>
        public int MaxRunning;

        public async Task<Page<int>> Fetch(int page, int size, CancellationToken ct)
        {
            Requested.Enqueue(page);
            var running = Interlocked.Increment(ref _running);
            InterlockedMax(ref MaxRunning, running);
            try { await Task.Delay(_delay(page), ct); }
            catch (OperationCanceledException) { Cancelled.Enqueue(page); throw; }
            finally { Interlocked.Decrement(ref _running); }
            var items = Enumerable.Range((page - 1) * size + 1, Math.Max(0, Math.Min(size, _total - (page - 1) * size))).ToList();
            return new Page<int>(items, _reportTotal ? _total : null);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private static async Task<List<T>> Collect<T>(IAsyncEnumerable<T> stream, int? stopAfter = null)
    {
        var list = new List<T>();
        await foreach (var item in stream)
        {
            list.Add(item);
            if (list.Count == stopAfter)
                break;
        }
        return list;
    }

    [Fact]
    public async Task Pages_finishing_out_of_order_still_yield_server_order_exactly_once()
    {
        var random = new Random(3);
        var delays = Enumerable.Range(0, 40).Select(_ => TimeSpan.FromMilliseconds(random.Next(0, 15))).ToArray();
        var source = new FakeSource(1000, delay: p => delays[p % delays.Length]);

        var items = await Collect(new PageStream<int>(source.Fetch, new PageStreamOptions { PageSize = 37 }));

        Assert.Equal(Enumerable.Range(1, 1000), items);
        Assert.Equal(Enumerable.Range(1, 28), source.Requested.OrderBy(p => p)); // ceil(1000/37), each once
    }

    [Fact]
    public async Task Without_a_total_it_stops_at_the_first_short_page()
    {
        var source = new FakeSource(95, reportTotal: false);

        var items = await Collect(new PageStream<int>(source.Fetch, new PageStreamOptions { PageSize = 10 }));

        Assert.Equal(95, items.Count);
        Assert.Equal(10, source.Requested.Max());
    }

    [Fact]
    public async Task Without_a_total_an_exact_multiple_ends_with_one_empty_page()
    {
        var source = new FakeSource(30, reportTotal: false);

        var items = await Collect(new PageStream<int>(source.Fetch, new PageStreamOptions { PageSize = 10 }));

        Assert.Equal(30, items.Count);
        Assert.Equal(new[] { 1, 2, 3, 4 }, source.Requested.OrderBy(p => p));
    }

    [Fact]
    public async Task With_a_total_it_never_asks_beyond_it()
    {
        var source = new FakeSource(30);

        var stream = new PageStream<int>(source.Fetch, new PageStreamOptions { PageSize = 10 });
        var items = await Collect(stream);

        Assert.Equal(30, items.Count);
        Assert.Equal(new[] { 1, 2, 3 }, source.Requested.OrderBy(p => p));
        Assert.Equal(30, stream.TotalCount);
    }

    [Fact]
    public async Task The_look_ahead_is_one_page_within_the_first_page_and_the_whole_window_after_it()
    {
        var source = new FakeSource(10_000, delay: _ => TimeSpan.FromMilliseconds(5));
        await using var enumerator = new PageStream<int>(source.Fetch, new PageStreamOptions { PageSize = 10, MaxPagesInFlight = 3 }).GetAsyncEnumerator();

        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal(new[] { 1 }, source.Requested); // nothing asked ahead before the first item is taken
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal(new[] { 1, 2 }, source.Requested.OrderBy(p => p));
        for (var i = 2; i < 10; i++)
            Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal(10, enumerator.Current);
        Assert.Equal(new[] { 1, 2 }, source.Requested.OrderBy(p => p)); // an early stop within page 1 costs one page ahead

        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal(11, enumerator.Current);
        Assert.Equal(new[] { 1, 2, 3, 4 }, source.Requested.OrderBy(p => p)); // page 1 used up: the whole window of 3 (pages 2 to 4)
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, source.Requested.OrderBy(p => p)); // page 2 taken from the window: it is topped up
        for (var i = 0; i < 10; i++)
            Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal(22, enumerator.Current);
        Assert.Equal(new[] { 1, 2, 3, 4, 5, 6 }, source.Requested.OrderBy(p => p)); // one more page written, one more asked for
    }

    [Fact]
    public async Task With_a_total_the_window_opens_to_the_maximum_and_never_beyond()
    {
        var source = new FakeSource(600, delay: _ => TimeSpan.FromMilliseconds(10));
        var stream = new PageStream<int>(source.Fetch, new PageStreamOptions { PageSize = 10, MaxPagesInFlight = 6 });
        var items = new List<int>();

        await foreach (var item in stream)
        {
            items.Add(item);
            var pagesWritten = (items.Count - 1) / 10; // whole pages handed over before this item's page
            Assert.InRange(source.Requested.Count, 1, pagesWritten + 1 + 6); // memory: the page being written and 6 ahead
        }

        Assert.Equal(Enumerable.Range(1, 600), items);
        Assert.Equal(Enumerable.Range(1, 60), source.Requested.OrderBy(p => p));
        Assert.Equal(6, source.MaxRunning); // opened all the way, and no further
    }

    [Fact]
    public async Task The_default_window_is_16_pages()
    {
        var source = new FakeSource(10_000, delay: _ => TimeSpan.FromMilliseconds(10));

        var items = await Collect(new PageStream<int>(source.Fetch, new PageStreamOptions { PageSize = 10 }));

        Assert.Equal(Enumerable.Range(1, 10_000), items);
        Assert.Equal(16, new PageStreamOptions().MaxPagesInFlight);
        Assert.Equal(16, source.MaxRunning);
    }

    [Fact]
    public async Task Without_a_total_and_without_asking_ahead_pages_come_one_at_a_time()
    {
        var source = new FakeSource(195, reportTotal: false, delay: _ => TimeSpan.FromMilliseconds(5));

        var items = await Collect(new PageStream<int>(source.Fetch, new PageStreamOptions { PageSize = 10 }));

        Assert.Equal(Enumerable.Range(1, 195), items);
        Assert.Equal(Enumerable.Range(1, 20), source.Requested);
        Assert.Equal(1, source.MaxRunning);
    }

    [Fact]
    public async Task Without_a_total_First_asks_for_the_wanted_pages_within_the_window()
    {
        var source = new FakeSource(100_000, reportTotal: false, delay: _ => TimeSpan.FromMilliseconds(10));

        var items = await Collect(new PageStream<int>(source.Fetch, new PageStreamOptions { PageSize = 10, First = 300, MaxPagesInFlight = 4 }));

        Assert.Equal(Enumerable.Range(1, 300), items);
        Assert.Equal(Enumerable.Range(1, 30), source.Requested.OrderBy(p => p)); // the 30 wanted pages, each once, none beyond
        Assert.Equal(4, source.MaxRunning);
    }

    [Theory]
    [InlineData(995)]  // the last page is short
    [InlineData(1000)] // the last page is exactly full: an empty page ends it
    public async Task Asking_ahead_without_a_total_stops_at_the_first_short_page_and_cancels_the_rest(int total)
    {
        var lastNeeded = total / 10 + 1; // the short (or empty) page that ends the listing
        var source = new FakeSource(total, reportTotal: false, delay: p => p > lastNeeded ? TimeSpan.FromSeconds(30) : TimeSpan.FromMilliseconds(5));

        var items = await Collect(new PageStream<int>(source.Fetch, new PageStreamOptions { PageSize = 10, MaxPagesInFlight = 8, AskAheadWithoutTotal = true }));

        Assert.Equal(Enumerable.Range(1, total), items);
        var requested = source.Requested.OrderBy(p => p).ToList();
        Assert.Equal(requested.Distinct(), requested);
        var beyond = requested.Where(p => p > lastNeeded).ToList();
        Assert.Equal(Enumerable.Range(1, lastNeeded + beyond.Count), requested);
        Assert.InRange(beyond.Count, 1, 7); // asked ahead, and wasted at most the window less the page that ended it
        Assert.Equal(beyond, source.Cancelled.OrderBy(p => p)); // every one of them cancelled, not awaited for 30 s
        Assert.InRange(source.MaxRunning, 2, 8);
    }

    [Fact]
    public async Task Disposing_cancels_the_pages_in_flight_and_asks_no_more()
    {
        var source = new FakeSource(10_000, delay: p => p == 1 ? TimeSpan.Zero : TimeSpan.FromSeconds(30));

        var items = await Collect(new PageStream<int>(source.Fetch, new PageStreamOptions { PageSize = 50 }), stopAfter: 3);

        Assert.Equal(new[] { 1, 2, 3 }, items);
        Assert.Equal(new[] { 1, 2 }, source.Requested.OrderBy(p => p));
        Assert.Equal(new[] { 2 }, source.Cancelled);
    }

    [Fact]
    public async Task Cancelling_the_token_stops_the_listing()
    {
        using var cts = new CancellationTokenSource();
        var source = new FakeSource(10_000, delay: p => p == 1 ? TimeSpan.Zero : TimeSpan.FromSeconds(30));
        var seen = new List<int>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in new PageStream<int>(source.Fetch, new PageStreamOptions { PageSize = 10 }).WithCancellation(cts.Token))
            {
                seen.Add(item);
                if (item == 10)
                    cts.Cancel();
            }
        });

        Assert.Equal(Enumerable.Range(1, 10), seen);
        Assert.Equal(new[] { 2 }, source.Cancelled);
    }

    [Theory]
    [InlineData(0, 5, 1, 1)]
    [InlineData(23, 10, 3, 4)]
    [InlineData(40, 1, 5, 5)]
    public async Task First_and_Skip_fetch_only_the_pages_that_hold_the_wanted_items(int skip, int first, int firstPage, int lastPage)
    {
        var source = new FakeSource(1000);

        var items = await Collect(new PageStream<int>(source.Fetch, new PageStreamOptions { PageSize = 10, Skip = skip, First = first }));

        Assert.Equal(Enumerable.Range(skip + 1, first), items);
        Assert.Equal(Enumerable.Range(firstPage, lastPage - firstPage + 1), source.Requested.OrderBy(p => p));
    }

    [Fact]
    public async Task A_failing_page_surfaces_after_the_items_before_it()
    {
        var seen = new List<int>();
        var stream = new PageStream<int>((page, size, ct) => page < 3
            ? Task.FromResult(new Page<int>(Enumerable.Range((page - 1) * size + 1, size).ToList(), null))
            : Task.FromException<Page<int>>(new InvalidOperationException("page 3 failed")), new PageStreamOptions { PageSize = 5 });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => { await foreach (var i in stream) seen.Add(i); });

        Assert.Equal("page 3 failed", error.Message);
        Assert.Equal(Enumerable.Range(1, 10), seen);
    }

    [Fact]
    public async Task Thousands_of_pages_are_a_loop_not_a_recursion()
    {
        var source = new FakeSource(20_000, reportTotal: false);

        var count = 0;
        await foreach (var _ in new PageStream<int>(source.Fetch, new PageStreamOptions { PageSize = 1 }))
            count++;

        Assert.Equal(20_000, count);
    }

    [Fact]
    public async Task Huge_First_and_Skip_values_do_not_overflow()
    {
        var source = new FakeSource(100);

        var rest = await Collect(new PageStream<int>(source.Fetch, new PageStreamOptions { PageSize = 10, Skip = 5, First = long.MaxValue }));
        var none = await Collect(new PageStream<int>(source.Fetch, new PageStreamOptions { PageSize = 1, Skip = long.MaxValue - 1 }));

        Assert.Equal(Enumerable.Range(6, 95), rest);
        Assert.Empty(none);
    }

    [Fact]
    public async Task A_total_that_changes_during_the_listing_is_reported()
    {
        var total = 100;
        var stream = new PageStream<int>((page, size, ct) =>
        {
            // Each answer agrees with its own total, as a server's does while items are removed.
            var items = Enumerable.Range((page - 1) * size + 1, Math.Max(0, Math.Min(size, total - (page - 1) * size))).ToList();
            var page_ = new Page<int>(items, total);
            total -= 10; // the caller's pipeline removes matches as it goes
            return Task.FromResult(page_);
        }, new PageStreamOptions { PageSize = 10 });

        await Collect(stream);

        Assert.True(stream.TotalCountChanged);
        Assert.Equal(100, stream.InitialTotalCount);
    }

    /// <summary>Pages of 1..total (total 100, pages of 10 unless said otherwise), each edited by <paramref name="edit"/>.</summary>
    private static PageStream<int> Edited(Func<int, List<int>, List<int>> edit, Func<int, long?>? totalOf = null, PageStreamOptions? options = null, int total = 100) =>
        new((page, size, ct) =>
        {
            var items = Enumerable.Range((page - 1) * size + 1, Math.Max(0, Math.Min(size, total - (page - 1) * size))).ToList();
            return Task.FromResult(new Page<int>(edit(page, items), totalOf == null ? total : totalOf(page)));
        }, options ?? new PageStreamOptions { PageSize = 10 }, i => i);

    private static async Task<(List<int> Items, ListingIncompleteException? Error)> CollectUntilFault(PageStream<int> stream)
    {
        var items = new List<int>();
        try
        {
            await foreach (var item in stream)
                items.Add(item);
            return (items, null);
        }
        catch (ListingIncompleteException ex)
        {
            return (items, ex);
        }
    }

    [Fact]
    public async Task A_repeated_page_ends_the_listing_after_the_pages_before_it()
    {
        var stream = Edited((page, items) => page == 5 ? items.Select(i => i - 10).ToList() : items);

        var (items, error) = await CollectUntilFault(stream);

        Assert.Equal(Enumerable.Range(1, 40), items);
        Assert.NotNull(error);
        Assert.Equal(ListingFault.RepeatedPage, error.Fault);
        Assert.Equal(5, error.PageNumber);
        Assert.Equal(100, error.Expected);
        Assert.Equal(40, error.Received);
        Assert.Equal(10, error.Repeated);
        Assert.Equal("Page 5 held only items already listed (10): the server answered an earlier page again. The listing ended after 40 of 100 items (10 repeated items left out).", error.Message);
    }

    [Fact]
    public async Task A_page_short_before_the_last_is_reported_with_what_was_expected()
    {
        var stream = Edited((page, items) => page == 3 ? items.Where(i => i != 25).ToList() : items);

        var (items, error) = await CollectUntilFault(stream);

        Assert.Equal(Enumerable.Range(1, 30).Where(i => i != 25), items);
        Assert.NotNull(error);
        Assert.Equal(ListingFault.ShortPage, error.Fault);
        Assert.Equal(3, error.PageNumber);
        Assert.Equal(100, error.Expected);
        Assert.Equal(29, error.Received);
        Assert.Equal("Page 3 held 9 items where its total of 100 implies 10. The listing ended after 29 of 100 items.", error.Message);
    }

    [Fact]
    public async Task A_total_smaller_than_the_page_is_reported_not_taken_as_the_end()
    {
        var stream = Edited((page, items) => items, totalOf: page => page == 1 ? 1 : 100);

        var (items, error) = await CollectUntilFault(stream);

        Assert.Equal(Enumerable.Range(1, 10), items);
        Assert.NotNull(error);
        Assert.Equal(ListingFault.BeyondTotal, error.Fault);
        Assert.Equal(1, error.PageNumber);
        Assert.Equal(10, error.Received);
        Assert.Equal("Page 1 held 10 items where its total of 1 leaves room for 1. The listing ended after 10 of 1 items.", error.Message);
    }

    [Fact]
    public async Task Without_a_total_on_the_first_page_a_full_page_asks_for_the_next()
    {
        var stream = Edited((page, items) => items, totalOf: page => page == 1 ? null : 100);

        var (items, error) = await CollectUntilFault(stream);

        Assert.Null(error);
        Assert.Equal(Enumerable.Range(1, 100), items);
        Assert.Equal(100, stream.TotalCount);
        Assert.False(stream.TotalCountChanged);
    }

    [Fact]
    public async Task Without_any_total_pages_of_only_repeats_end_the_listing_instead_of_running_for_ever()
    {
        var requested = 0;
        var stream = new PageStream<int>((page, size, ct) =>
        {
            requested++;
            return Task.FromResult(new Page<int>(Enumerable.Range(1, size).ToList(), null)); // ignores pgNum
        }, new PageStreamOptions { PageSize = 10 }, i => i);

        var (items, error) = await CollectUntilFault(stream);

        Assert.Equal(Enumerable.Range(1, 10), items);
        Assert.Equal(ListingFault.RepeatedPage, error?.Fault);
        Assert.Null(error!.Expected);
        Assert.Equal(2, requested);
        Assert.Equal("Page 2 held only items already listed (10): the server answered an earlier page again. The listing ended after 10 items (10 repeated items left out).", error.Message);
    }

    [Fact]
    public async Task A_page_overlapping_the_one_before_is_never_written_twice_and_the_gap_is_reported()
    {
        // Page 5 starts three items early: it repeats 38..40 and misses 48..50.
        var stream = Edited((page, items) => page == 5 ? items.Select(i => i - 3).ToList() : items);

        var (items, error) = await CollectUntilFault(stream);

        Assert.Equal(items.Count, items.Distinct().Count());
        Assert.Equal(97, items.Count);
        Assert.DoesNotContain(48, items);
        Assert.NotNull(error);
        Assert.Equal(ListingFault.EndedBelowTotal, error.Fault);
        Assert.Null(error.PageNumber);
        Assert.Equal(3, error.Repeated);
        Assert.Equal(97, error.Received);
        Assert.Equal(
            "The pages ended below the total of 100, which did not change; 3 items were repeats of earlier pages, so as many others were never listed. The listing ended after 97 of 100 items (3 repeated items left out).",
            error.Message);
    }

    [Fact]
    public async Task Pages_without_their_own_total_that_end_below_the_first_pages_total_are_reported()
    {
        // Only page 1 carries a total, so no page can be held to it; page 5 is short and ends the listing.
        var stream = Edited((page, items) => page == 5 ? items.Take(5).ToList() : items, totalOf: page => page == 1 ? 100 : null);

        var (items, error) = await CollectUntilFault(stream);

        Assert.Equal(Enumerable.Range(1, 45), items);
        Assert.Equal(ListingFault.EndedBelowTotal, error?.Fault);
        Assert.Equal(0, error!.Repeated);
        Assert.Equal("The pages ended below the total of 100, which did not change. The listing ended after 45 of 100 items.", error.Message);
    }

    [Fact]
    public async Task A_fault_while_the_total_changed_says_both()
    {
        var stream = Edited((page, items) => page == 2 ? items.Concat(new[] { 1000 }).ToList() : items, totalOf: page => page == 1 ? 100 : 90);

        var (items, error) = await CollectUntilFault(stream);

        Assert.Equal(21, items.Count);
        Assert.Equal(ListingFault.OversizedPage, error?.Fault);
        Assert.Equal(
            "Page 2 held 11 items, more than the 10 asked for. The listing ended after 21 of 90 items. The total also changed from 100 to 90 while listing.",
            error!.Message);
    }

    [Fact]
    public async Task Items_added_in_front_while_listing_are_drift_not_a_fault()
    {
        // Newest first: every request sees one more item at the front, so each page repeats the
        // last item of the page before. The totals say so, so nothing is reported; nothing is written twice.
        var front = 0;
        var stream = new PageStream<int>((page, size, ct) =>
        {
            front++;
            var all = Enumerable.Range(-front + 1, 100 + front).ToList(); // -front+1 .. 100
            var items = all.Skip((page - 1) * size).Take(size).ToList();
            return Task.FromResult(new Page<int>(items, all.Count));
        }, new PageStreamOptions { PageSize = 10, MaxPagesInFlight = 1 }, i => i);

        var (items, error) = await CollectUntilFault(stream);

        Assert.Null(error);
        Assert.True(stream.TotalCountChanged);
        Assert.Equal(items.Count, items.Distinct().Count());
    }

    [Fact]
    public async Task A_page_longer_than_asked_for_is_reported()
    {
        var stream = Edited((page, items) => page == 2 ? items.Concat(new[] { 1000 }).ToList() : items);

        var (items, error) = await CollectUntilFault(stream);

        Assert.Equal(21, items.Count);
        Assert.Equal(ListingFault.OversizedPage, error?.Fault);
        Assert.Equal(2, error!.PageNumber);
        Assert.Equal("Page 2 held 11 items, more than the 10 asked for. The listing ended after 21 of 100 items.", error.Message);
    }

    [Fact]
    public async Task A_fault_beyond_what_First_asked_for_does_not_matter()
    {
        var stream = Edited((page, items) => page == 3 ? items.Take(5).ToList() : items, options: new PageStreamOptions { PageSize = 10, First = 25 });

        var (items, error) = await CollectUntilFault(stream);

        Assert.Null(error);
        Assert.Equal(Enumerable.Range(1, 25), items);
    }

    [Fact]
    public async Task A_skip_of_int_MaxValue_whole_pages_asks_for_no_page()
    {
        var source = new FakeSource(100);

        var items = await Collect(new PageStream<int>(source.Fetch, new PageStreamOptions { PageSize = 10, Skip = int.MaxValue * 10L }));

        Assert.Empty(items);
        Assert.Empty(source.Requested); // page int.MaxValue + 1 has no number the API could take
    }

    [Fact]
    public async Task A_skip_of_int_MaxValue_items_asks_for_the_page_that_holds_the_next()
    {
        var source = new FakeSource(100);

        var items = await Collect(new PageStream<int>(source.Fetch, new PageStreamOptions { PageSize = 10, Skip = int.MaxValue }));

        Assert.Empty(items);
        Assert.Equal(new[] { int.MaxValue / 10 + 1 }, source.Requested);
    }

    [Theory]
    [InlineData(12)]   // the skip goes past the last item
    [InlineData(15)]   // the skip ends on the last item: the short page holds only skipped items
    public async Task A_skip_to_or_beyond_the_end_of_a_short_last_page_lists_nothing(int total)
    {
        var stream = Edited((page, items) => items, options: new PageStreamOptions { PageSize = 10, Skip = 15 }, total: total);

        var (items, error) = await CollectUntilFault(stream);

        Assert.Empty(items);
        Assert.Null(error);
    }

    [Fact]
    public async Task PagesReceived_counts_the_pages_that_arrived()
    {
        var stream = Edited((page, items) => items, total: 25);

        var (items, error) = await CollectUntilFault(stream);

        Assert.Equal(Enumerable.Range(1, 25), items);
        Assert.Null(error);
        Assert.Equal(3, stream.PagesReceived);
    }

    [Fact]
    public async Task A_first_page_whose_items_after_Skip_repeat_the_skipped_ones_is_a_repeated_page()
    {
        var stream = Edited((page, items) => page == 1 ? new List<int> { 1, 2, 3, 1, 2 } : items, options: new PageStreamOptions { PageSize = 5, Skip = 3 });

        var (items, error) = await CollectUntilFault(stream);

        Assert.Empty(items);
        Assert.Equal(ListingFault.RepeatedPage, error?.Fault);
        Assert.Equal("Page 1 held only items already listed (2): the server answered an earlier page again. The listing ended after 0 of 97 items (2 repeated items left out).", error!.Message);
    }

    [Fact]
    public async Task Items_left_out_by_Skip_stay_out_when_a_later_page_repeats_them()
    {
        // -Skip 15 starts on page 2 and leaves out 11..15; page 3 starts seven items early (14..23).
        var stream = Edited((page, items) => page == 3 ? items.Select(i => i - 7).ToList() : items, options: new PageStreamOptions { PageSize = 10, Skip = 15 });

        var (items, error) = await CollectUntilFault(stream);

        Assert.Equal(Enumerable.Range(16, 8).Concat(Enumerable.Range(31, 70)), items);
        Assert.Equal(ListingFault.EndedBelowTotal, error?.Fault);
        Assert.Equal(7, error!.Repeated);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_page_size_below_1_is_refused(int size)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => new PageStream<int>((page, s, ct) => Task.FromResult(new Page<int>(new List<int>(), null)), new PageStreamOptions { PageSize = size }));

        Assert.Equal("options", error.ParamName);
        Assert.StartsWith("PageSize must be at least 1.", error.Message);
    }

    [Fact]
    public async Task With_Skip_the_expected_count_is_what_remains_after_it()
    {
        var stream = Edited((page, items) => page == 3 ? items.Take(5).ToList() : items, options: new PageStreamOptions { PageSize = 10, Skip = 15 });

        var (items, error) = await CollectUntilFault(stream);

        Assert.Equal(Enumerable.Range(16, 5).Concat(Enumerable.Range(21, 5)), items);
        Assert.Equal(85, error?.Expected);
        Assert.Equal(10, error!.Received);
    }

    [Fact]
    public async Task Counts_are_not_checked_where_paging_is_guessed()
    {
        var stream = Edited((page, items) => page == 3 ? items.Take(5).ToList() : items, options: new PageStreamOptions { PageSize = 10, VerifyCounts = false });

        var (items, error) = await CollectUntilFault(stream);

        Assert.Null(error);
        Assert.Equal(25, items.Count);
    }

    [Fact]
    public void The_key_set_keeps_every_distinct_key_once()
    {
        var set = new KeySet();
        var random = new Random(7);
        var keys = Enumerable.Range(0, 200_000).Select(i => i % 3 == 0 ? (long)i : random.NextInt64(long.MinValue, long.MaxValue)).Append(0).Append(-1).Append(long.MinValue).ToList();

        var added = keys.Count(set.Add);

        Assert.Equal(keys.Distinct().Count(), added);
        Assert.Equal(added, set.Count);
        Assert.All(keys.Take(1000), k => Assert.False(set.Add(k)));
    }

    [Fact]
    public void Text_ids_hash_apart()
    {
        var ids = Enumerable.Range(0, 100_000).Select(i => "evt-" + i.ToString("x", System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(ids.Count, ids.Select(ListingKey.Of).Distinct().Count());
        Assert.Equal(ListingKey.Of("abc"), ListingKey.Of("abc"));
    }
}
