
namespace CaseOps.Http
{
    /// <summary>
    /// The connection's shared limit on requests in flight (docs/architecture.md, "Connections"): one per
    /// <see cref="ApiClient"/>, so every cmdlet and every runspace using the connection draws from it.
    /// A slot is held for one attempt only, never across a retry's wait. The window it grants loses a slot
    /// for each answer saying the server is overloaded (429, 503), grows back after successes, and for a
    /// while stays below the level that was refused; a Retry-After pauses every new attempt until it has
    /// passed (docs/architecture.md, "Retries").
    /// </summary>
    internal sealed class ConcurrencyLimiter
    {
        private readonly object _gate = new object();
        private readonly Queue<TaskCompletionSource<bool>> _waiting = new Queue<TaskCompletionSource<bool>>();
        private readonly TimeProvider _time;
        private readonly long _started;
        private int _window;
        private int _inFlight;
        private int _successes;
        private int _ceiling;
        private TimeSpan _ceilingUntil;
        private TimeSpan _pausedUntil;
        private bool _wakeScheduled;

        /// <summary>
        /// How long the window stays at or below the level the server last refused before it tries more
        /// again. A gateway's limit rarely changes from one request to the next; trying a refused level
        /// again costs a refusal and its Retry-After, so it is tried twice a minute at most.
        /// </summary>
        public static readonly TimeSpan CeilingMemory = TimeSpan.FromSeconds(30);

        public ConcurrencyLimiter(int maxConcurrency, TimeProvider? time = null)
        {
            if (maxConcurrency < 1)
                throw new ArgumentOutOfRangeException(nameof(maxConcurrency), maxConcurrency, "At least one request must be allowed in flight.");
            MaxConcurrency = maxConcurrency;
            _window = maxConcurrency;
            _time = time ?? TimeProvider.System;
            _started = _time.GetTimestamp();
        }

        /// <summary>The most requests in flight the connection ever allows.</summary>
        public int MaxConcurrency { get; }

        /// <summary>How many requests may be in flight now: <see cref="MaxConcurrency"/>, or less after the server pushed back.</summary>
        public int Window
        {
            get { lock (_gate) { return _window; } }
        }

        /// <summary>Attempts holding a slot now.</summary>
        public int InFlight
        {
            get { lock (_gate) { return _inFlight; } }
        }

        /// <summary>The most attempts that ever held a slot at once (for tests and the benchmark).</summary>
        public int PeakInFlight { get; private set; }

        /// <summary>Waits for a slot; dispose the lease with the attempt's outcome when the answer is in.</summary>
        public async Task<Lease> AcquireAsync(CancellationToken cancellationToken)
        {
            TaskCompletionSource<bool> granted;
            lock (_gate)
            {
                if (_waiting.Count == 0 && !IsPaused() && _inFlight < _window)
                    return Grant();
                granted = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting.Enqueue(granted);
                // The clock moved since the check above: the pause may be over already, or the slot free.
                // Pump decides from one reading of it, so a waiter is either granted or has a wake-up coming.
                Pump();
            }
            // A cancelled wait stays in the queue and is skipped when its turn comes (TrySetResult fails).
            using (cancellationToken.Register(state => ((TaskCompletionSource<bool>)state!).TrySetCanceled(), granted))
                await granted.Task.ConfigureAwait(false);
            return new Lease(this);
        }

        /// <summary>Stops every new attempt until <paramref name="delay"/> has passed (a server's Retry-After).</summary>
        public void Pause(TimeSpan delay)
        {
            if (delay <= TimeSpan.Zero)
                return;
            lock (_gate)
            {
                var until = Now + delay;
                if (until > _pausedUntil)
                    _pausedUntil = until;
            }
        }

        private TimeSpan Now => _time.GetElapsedTime(_started);

        private void Release(AttemptOutcome outcome)
        {
            lock (_gate)
            {
                _inFlight--;
                if (outcome == AttemptOutcome.Overloaded)
                    Shrink();
                else if (outcome == AttemptOutcome.Success)
                    Grow();
                Pump();
            }
        }

        // One slot less per refusal: a gateway that takes 4 of 8 requests refuses the other 4, so a
        // burst of refusals lands the window on the number the server accepted, in one step and
        // without a second round of refusals (halving would land on 4 here only by luck). What was
        // refused becomes the ceiling for a while, so growing back does not walk into it again.
        private void Shrink()
        {
            _successes = 0;
            _window = Math.Max(1, _window - 1);
            _ceiling = _window;
            _ceilingUntil = Now + CeilingMemory;
        }

        // One more slot after a window's worth of successes in a row (additive increase), up to the
        // ceiling while it lasts and to MaxConcurrency after.
        private void Grow()
        {
            var limit = Now < _ceilingUntil ? _ceiling : MaxConcurrency;
            if (_window >= limit)
                return;
            if (++_successes < _window)
                return;
            _successes = 0;
            _window++;
        }

        private Lease Grant()
        {
            _inFlight++;
            if (_inFlight > PeakInFlight)
                PeakInFlight = _inFlight;
            return new Lease(this);
        }

        // Hands free slots to the waiters in arrival order; a waiter that gave up gives its slot back at once.
        // While paused, it makes sure a wake-up is coming. The pause is judged from one reading of the
        // clock: judging "paused" and "wake-up needed" from two readings left a waiter with neither a slot
        // nor a wake-up when the pause ended in between.
        private void Pump()
        {
            while (_waiting.Count > 0)
            {
                var left = _pausedUntil - Now;
                if (left > TimeSpan.Zero)
                {
                    ScheduleWake(left);
                    return;
                }
                if (_inFlight >= _window)
                    return;
                var next = _waiting.Dequeue();
                Grant();
                if (!next.TrySetResult(true))
                    _inFlight--;
            }
        }

        private bool IsPaused() => Now < _pausedUntil;

        private void ScheduleWake(TimeSpan delay)
        {
            if (_wakeScheduled)
                return;
            _wakeScheduled = true;
            _ = Task.Delay(delay + TimeSpan.FromMilliseconds(1)).ContinueWith(
                (_, state) => ((ConcurrencyLimiter)state!).Wake(), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        private void Wake()
        {
            lock (_gate)
            {
                _wakeScheduled = false;
                Pump();
            }
        }

        /// <summary>What an attempt's answer says about the server's load.</summary>
        internal enum AttemptOutcome
        {
            /// <summary>No answer, or one that says nothing about load (a 4xx, a 500).</summary>
            Neutral,

            /// <summary>A 2xx answer.</summary>
            Success,

            /// <summary>A 429 or 503: the server asks for less.</summary>
            Overloaded,
        }

        /// <summary>One attempt's slot. <see cref="Complete"/> gives it back with what the answer said; <see cref="Dispose"/> without.</summary>
        internal sealed class Lease : IDisposable
        {
            private ConcurrencyLimiter? _owner;

            internal Lease(ConcurrencyLimiter owner) => _owner = owner;

            /// <summary>Gives the slot back; the outcome moves the window.</summary>
            public void Complete(AttemptOutcome outcome) => Interlocked.Exchange(ref _owner, null)?.Release(outcome);

            public void Dispose() => Complete(AttemptOutcome.Neutral);
        }
    }
}
