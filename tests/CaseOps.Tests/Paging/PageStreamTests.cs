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

        public async Task<Page<int>> Fetch(int page, int size, CancellationToken ct)
        {
            Requested.Enqueue(page);
            try { await Task.Delay(_delay(page), ct); }
            catch (OperationCanceledException) { Cancelled.Enqueue(page); throw; }
            var items = Enumerable.Range((page - 1) * size + 1, Math.Max(0, Math.Min(size, _total - (page - 1) * size))).ToList();
            return new Page<int>(items, _reportTotal ? _total : null);
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
    public async Task The_look_ahead_widens_only_as_pages_are_consumed()
    {
        var source = new FakeSource(10_000, delay: _ => TimeSpan.FromMilliseconds(5));
        await using var enumerator = new PageStream<int>(source.Fetch, new PageStreamOptions { PageSize = 10, MaxPagesAhead = 3 }).GetAsyncEnumerator();

        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal(new[] { 1 }, source.Requested); // nothing asked ahead before the first item is taken
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal(new[] { 1, 2 }, source.Requested.OrderBy(p => p));
        for (var i = 0; i < 40; i++)
            await enumerator.MoveNextAsync();
        Assert.InRange(source.Requested.Count, 5, 8); // 4 pages read, at most 3 ahead
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
            var items = Enumerable.Range((page - 1) * size + 1, size).ToList();
            var page_ = new Page<int>(items, total);
            total -= 10; // the caller's pipeline removes matches as it goes
            return Task.FromResult(page_);
        }, new PageStreamOptions { PageSize = 10 });

        await Collect(stream);

        Assert.True(stream.TotalCountChanged);
        Assert.Equal(100, stream.InitialTotalCount);
    }
}
