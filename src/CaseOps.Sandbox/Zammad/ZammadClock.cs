namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// The one clock every Zammad mutation reads. It never hands out the same instant twice (each call
/// is at least 1 ms after the previous one), so <c>updated_at</c> orders are total and tests can
/// rely on "later change, later timestamp" even when requests arrive within the same millisecond.
/// </summary>
public sealed class ZammadClock
{
    private readonly object gate = new();
    private readonly TimeProvider time;
    private DateTime last;

    /// <summary>Creates a clock that starts after <paramref name="notBefore"/> (the newest seeded timestamp).</summary>
    public ZammadClock(DateTime notBefore, TimeProvider? time = null)
    {
        this.time = time ?? TimeProvider.System;
        last = ZammadTime.TruncateToMilliseconds(notBefore);
    }

    /// <summary>The next instant: wall-clock time in milliseconds, pushed 1 ms past the previous answer when needed.</summary>
    public DateTime Next()
    {
        var now = ZammadTime.TruncateToMilliseconds(time.GetUtcNow().UtcDateTime);
        lock (gate)
        {
            last = now > last ? now : last.AddMilliseconds(1);
            return last;
        }
    }

    /// <summary>Moves the clock so its next answer is later than <paramref name="instant"/> (used when tests plant timestamps).</summary>
    public void Observe(DateTime instant)
    {
        var value = ZammadTime.TruncateToMilliseconds(instant);
        lock (gate)
        {
            if (value > last)
            {
                last = value;
            }
        }
    }
}
