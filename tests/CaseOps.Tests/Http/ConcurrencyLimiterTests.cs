using System.Diagnostics;
using CaseOps.Http;
using Xunit;
using Outcome = CaseOps.Http.ConcurrencyLimiter.AttemptOutcome;

namespace CaseOps.Tests.Http;

/// <summary>The connection's shared limit: slots, the window that shrinks and grows back, the pause (docs/architecture.md, "Retries").</summary>
public sealed class ConcurrencyLimiterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static List<ConcurrencyLimiter.Lease> Take(ConcurrencyLimiter limiter, int count) =>
        Enumerable.Range(0, count).Select(_ => limiter.AcquireAsync(CancellationToken.None).Result).ToList();

    [Fact]
    public async Task No_more_than_the_limit_is_granted_and_a_returned_slot_goes_to_the_first_waiter()
    {
        var limiter = new ConcurrencyLimiter(3);
        var held = Take(limiter, 3);

        var first = limiter.AcquireAsync(CancellationToken.None);
        var second = limiter.AcquireAsync(CancellationToken.None);
        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);

        held[0].Complete(Outcome.Success);
        var granted = await first.WaitAsync(Patience);
        Assert.False(second.IsCompleted);
        Assert.Equal(3, limiter.InFlight);
        Assert.Equal(3, limiter.PeakInFlight);

        granted.Dispose();
        (await second.WaitAsync(Patience)).Dispose();
        held[1].Dispose();
        held[2].Dispose();
        Assert.Equal(0, limiter.InFlight);
    }

    [Fact]
    public void Each_refusal_takes_one_slot_away_so_a_burst_lands_on_what_the_server_accepted()
    {
        var limiter = new ConcurrencyLimiter(8);
        var burst = Take(limiter, 8);

        // A gateway that takes 4 of 8 attempts refuses the other 4: the window ends at 4, in one round.
        foreach (var lease in burst.Take(4))
            lease.Complete(Outcome.Overloaded);
        Assert.Equal(4, limiter.Window);
        foreach (var lease in burst.Skip(4))
            lease.Complete(Outcome.Success);
        Assert.Equal(4, limiter.Window);

        foreach (var expected in new[] { 3, 2, 1, 1 })
        {
            Take(limiter, 1)[0].Complete(Outcome.Overloaded);
            Assert.Equal(expected, limiter.Window);
        }
    }

    [Fact]
    public void The_window_grows_back_by_one_per_window_of_successes_up_to_the_refused_level_then_after_a_while_to_the_limit()
    {
        var clock = new ManualClock();
        var limiter = new ConcurrencyLimiter(6, clock);
        var burst = Take(limiter, 6);
        foreach (var lease in burst.Take(3))
            lease.Complete(Outcome.Overloaded);
        foreach (var lease in burst.Skip(3))
            lease.Dispose();
        Take(limiter, 1)[0].Complete(Outcome.Overloaded);
        Take(limiter, 1)[0].Complete(Outcome.Overloaded);
        Assert.Equal(1, limiter.Window);

        var windows = Succeed(limiter, 6);

        // It stays at 1, the level last refused, while that is remembered.
        Assert.Equal(new[] { 1, 1, 1, 1, 1, 1 }, windows);

        clock.Advance(ConcurrencyLimiter.CeilingMemory - TimeSpan.FromSeconds(1));
        Assert.Equal(1, Succeed(limiter, 1).Single());

        clock.Advance(TimeSpan.FromSeconds(1));
        windows = Succeed(limiter, 18);

        // 1 success opens a second slot, 2 more a third, and so on up to the limit of 6; then it stays there.
        Assert.Equal(new[] { 2, 2, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 5, 6, 6, 6, 6 }, windows);

        // Answers that say nothing about load leave it alone.
        Take(limiter, 1)[0].Complete(Outcome.Neutral);
        Assert.Equal(6, limiter.Window);
    }

    [Fact]
    public void After_a_refusal_at_five_the_window_settles_at_four_for_the_ceiling_memory()
    {
        var clock = new ManualClock();
        var limiter = new ConcurrencyLimiter(8, clock);
        var burst = Take(limiter, 8);
        foreach (var lease in burst.Take(3))
            lease.Complete(Outcome.Overloaded);
        foreach (var lease in burst.Skip(3))
            lease.Complete(Outcome.Success);
        Assert.Equal(5, limiter.Window);

        // The fifth slot is refused too: one slot less, and 4 is where the window stays.
        Take(limiter, 1)[0].Complete(Outcome.Overloaded);
        Assert.Equal(4, limiter.Window);
        Assert.All(Succeed(limiter, 40), window => Assert.Equal(4, window));

        clock.Advance(ConcurrencyLimiter.CeilingMemory);
        Assert.Equal(5, Succeed(limiter, 4).Last());
    }

    private static List<int> Succeed(ConcurrencyLimiter limiter, int count)
    {
        var windows = new List<int>();
        for (var i = 0; i < count; i++)
        {
            Take(limiter, 1)[0].Complete(Outcome.Success);
            windows.Add(limiter.Window);
        }
        return windows;
    }

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _ticks);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }

    /// <summary>
    /// The pause ends between two readings of the clock inside one acquire (a clock that moves on every read):
    /// the waiter must be granted or woken, not left in the queue with nothing in flight to release it.
    /// </summary>
    [Fact]
    public async Task A_pause_that_ends_while_an_attempt_queues_up_still_lets_it_through()
    {
        var clock = new SteppingClock(TimeSpan.FromMilliseconds(30));
        var limiter = new ConcurrencyLimiter(4, clock);
        limiter.Pause(TimeSpan.FromMilliseconds(45));

        var lease = await limiter.AcquireAsync(CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(1, limiter.InFlight);
        lease.Dispose();
        Assert.Equal(0, limiter.InFlight);
    }

    /// <summary>A clock that moves by <c>step</c> each time it is read.</summary>
    private sealed class SteppingClock(TimeSpan step) : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Add(ref _ticks, step.Ticks);
    }

    [Fact]
    public async Task A_pause_holds_back_every_new_attempt_until_it_has_passed()
    {
        var limiter = new ConcurrencyLimiter(4);
        var watch = Stopwatch.StartNew();
        limiter.Pause(TimeSpan.FromMilliseconds(400));

        var waiting = Enumerable.Range(0, 3).Select(_ => limiter.AcquireAsync(CancellationToken.None)).ToList();
        Assert.All(waiting, w => Assert.False(w.IsCompleted));

        foreach (var lease in await Task.WhenAll(waiting).WaitAsync(Patience))
            lease.Dispose();
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(350), $"granted after {watch.ElapsedMilliseconds} ms of a 400 ms pause");
        Assert.Equal(0, limiter.InFlight);
    }

    [Fact]
    public async Task A_waiter_that_gives_up_takes_no_slot()
    {
        var limiter = new ConcurrencyLimiter(1);
        var held = Take(limiter, 1)[0];
        using var cancel = new CancellationTokenSource();

        var gaveUp = limiter.AcquireAsync(cancel.Token);
        var next = limiter.AcquireAsync(CancellationToken.None);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gaveUp);

        held.Dispose();
        (await next.WaitAsync(Patience)).Dispose();
        Assert.Equal(0, limiter.InFlight);
        Assert.Equal(1, limiter.PeakInFlight);
    }
}
