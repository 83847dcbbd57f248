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
    public void A_burst_of_429s_halves_the_window_once_and_later_pushbacks_halve_it_down_to_one()
    {
        var limiter = new ConcurrencyLimiter(8);
        var burst = Take(limiter, 8);

        // Eight answers to attempts sent before the window shrank: one push-back, not eight.
        foreach (var lease in burst)
            lease.Complete(Outcome.Overloaded);
        Assert.Equal(4, limiter.Window);

        foreach (var expected in new[] { 2, 1, 1 })
        {
            Take(limiter, 1)[0].Complete(Outcome.Overloaded);
            Assert.Equal(expected, limiter.Window);
        }
    }

    [Fact]
    public void The_window_grows_back_by_one_per_window_of_successes_up_to_the_limit()
    {
        var limiter = new ConcurrencyLimiter(4);
        foreach (var _ in Enumerable.Range(0, 3))
            Take(limiter, 1)[0].Complete(Outcome.Overloaded);
        Assert.Equal(1, limiter.Window);

        var windows = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            Take(limiter, 1)[0].Complete(Outcome.Success);
            windows.Add(limiter.Window);
        }

        // 1 success opens a second slot, 2 more a third, 3 more a fourth; then it stays at the limit.
        Assert.Equal(new[] { 2, 2, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4 }, windows);

        // Answers that say nothing about load leave it alone.
        Take(limiter, 1)[0].Complete(Outcome.Neutral);
        Assert.Equal(4, limiter.Window);
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
