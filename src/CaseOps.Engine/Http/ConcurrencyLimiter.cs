using System.Diagnostics;

namespace CaseOps.Http
{
    /// <summary>
    /// The connection's shared limit on requests in flight (docs/architecture.md, "Connections"): one per
    /// <see cref="ApiClient"/>, so every cmdlet and every runspace using the connection draws from it.
    /// A slot is held for one attempt only, never across a retry's wait. The window it grants shrinks
    /// when the server says it is overloaded (429, 503) and grows back after successes; a Retry-After
    /// pauses every new attempt until it has passed (docs/architecture.md, "Retries").
    /// </summary>
    internal sealed class ConcurrencyLimiter
    {
        private readonly object _gate = new object();
        private readonly Queue<TaskCompletionSource<bool>> _waiting = new Queue<TaskCompletionSource<bool>>();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private int _window;
        private int _inFlight;
        private int _successes;
        private long _generation;
        private TimeSpan _pausedUntil;
        private bool _wakeScheduled;

        public ConcurrencyLimiter(int maxConcurrency)
        {
            if (maxConcurrency < 1)
                throw new ArgumentOutOfRangeException(nameof(maxConcurrency), maxConcurrency, "At least one request must be allowed in flight.");
            MaxConcurrency = maxConcurrency;
            _window = maxConcurrency;
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
                ScheduleWakeIfPaused();
            }
            // A cancelled wait stays in the queue and is skipped when its turn comes (TrySetResult fails).
            using (cancellationToken.Register(state => ((TaskCompletionSource<bool>)state!).TrySetCanceled(), granted))
                await granted.Task.ConfigureAwait(false);
            lock (_gate)
                return new Lease(this, _generation);
        }

        /// <summary>Stops every new attempt until <paramref name="delay"/> has passed (a server's Retry-After).</summary>
        public void Pause(TimeSpan delay)
        {
            if (delay <= TimeSpan.Zero)
                return;
            lock (_gate)
            {
                var until = _clock.Elapsed + delay;
                if (until > _pausedUntil)
                    _pausedUntil = until;
            }
        }

        private void Release(long generation, AttemptOutcome outcome)
        {
            lock (_gate)
            {
                _inFlight--;
                if (outcome == AttemptOutcome.Overloaded)
                    Shrink(generation);
                else if (outcome == AttemptOutcome.Success)
                    Grow();
                Pump();
            }
        }

        // Halved once per push-back: the answers of attempts that started before the window last shrank
        // say nothing about the new window, so a burst of 429s halves it once, not once per answer.
        private void Shrink(long generation)
        {
            _successes = 0;
            if (generation != _generation)
                return;
            _generation++;
            _window = Math.Max(1, _window / 2);
        }

        // One more slot after a window's worth of successes in a row (additive increase).
        private void Grow()
        {
            if (_window >= MaxConcurrency)
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
            return new Lease(this, _generation);
        }

        // Hands free slots to the waiters in arrival order; a waiter that gave up gives its slot back at once.
        private void Pump()
        {
            if (IsPaused())
            {
                ScheduleWakeIfPaused();
                return;
            }
            while (_waiting.Count > 0 && _inFlight < _window)
            {
                var next = _waiting.Dequeue();
                Grant();
                if (!next.TrySetResult(true))
                    _inFlight--;
            }
        }

        private bool IsPaused() => _clock.Elapsed < _pausedUntil;

        private void ScheduleWakeIfPaused()
        {
            if (_wakeScheduled || _waiting.Count == 0 || !IsPaused())
                return;
            _wakeScheduled = true;
            var delay = _pausedUntil - _clock.Elapsed;
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
            private readonly long _generation;

            internal Lease(ConcurrencyLimiter owner, long generation)
            {
                _owner = owner;
                _generation = generation;
            }

            /// <summary>Gives the slot back; the outcome moves the window.</summary>
            public void Complete(AttemptOutcome outcome) => Interlocked.Exchange(ref _owner, null)?.Release(_generation, outcome);

            public void Dispose() => Complete(AttemptOutcome.Neutral);
        }
    }
}
