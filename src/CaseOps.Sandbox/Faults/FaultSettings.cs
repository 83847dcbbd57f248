namespace CaseOps.Sandbox.Faults;

/// <summary>
/// Fault knobs, changeable while the emulator runs. All members are thread-safe (one lock; the
/// critical sections are tiny). Random faults draw from a seeded <see cref="Random"/> — one draw
/// per request, and only while a rate is above zero — so a run is reproducible.
/// </summary>
public sealed class FaultSettings
{
    private readonly object gate = new();
    private readonly Queue<ScriptedFailure> scripted = new();
    private Random random;
    private TimeSpan latency;
    private double tooManyRequestsRate;
    private double serverErrorRate;
    private int retryAfterSeconds = 1;
    private int serverErrorStatus = 503;
    private bool faultTokenEndpoint;
    private int dropCount;
    private long dropAfterBytes;
    private int lostAnswerCount;
    private string lostAnswerMethod = string.Empty;
    private string lostAnswerPath = string.Empty;

    /// <summary>Answers whose body is rewritten after the handler ran (bad answers with status 200).</summary>
    public AnswerRewrites Rewrites { get; } = new();

    /// <summary>Creates the knobs with all faults off.</summary>
    public FaultSettings(int seed = 42) => random = new Random(seed);

    /// <summary>Delay added before every (non-exempt) response; the wait ends early if the client disconnects.</summary>
    public TimeSpan Latency
    {
        get { lock (gate) { return latency; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            lock (gate) { latency = value; }
        }
    }

    /// <summary>Share of requests (0..1) answered 429 with Retry-After.</summary>
    public double TooManyRequestsRate
    {
        get { lock (gate) { return tooManyRequestsRate; } }
        set { CheckRate(value); lock (gate) { tooManyRequestsRate = value; } }
    }

    /// <summary>Value of the Retry-After header on 429 answers, in seconds.</summary>
    public int RetryAfterSeconds
    {
        get { lock (gate) { return retryAfterSeconds; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            lock (gate) { retryAfterSeconds = value; }
        }
    }

    /// <summary>Share of requests (0..1) answered with <see cref="ServerErrorStatus"/>.</summary>
    public double ServerErrorRate
    {
        get { lock (gate) { return serverErrorRate; } }
        set { CheckRate(value); lock (gate) { serverErrorRate = value; } }
    }

    /// <summary>Status used for random server errors (default 503).</summary>
    public int ServerErrorStatus
    {
        get { lock (gate) { return serverErrorStatus; } }
        set { CheckStatus(value); lock (gate) { serverErrorStatus = value; } }
    }

    /// <summary>When true, token endpoints get faults too (normally they are exempt).</summary>
    public bool FaultTokenEndpoint
    {
        get { lock (gate) { return faultTokenEndpoint; } }
        set { lock (gate) { faultTokenEndpoint = value; } }
    }

    /// <summary>Scripted failures still waiting to be served.</summary>
    public int PendingFailures
    {
        get { lock (gate) { return scripted.Sum(item => item.Remaining); } }
    }

    /// <summary>
    /// The next <paramref name="count"/> non-exempt requests are answered with <paramref name="status"/>
    /// (429 carries Retry-After). Calls queue up: <c>FailNext(2, 500); FailNext(1, 429)</c> gives 500, 500, 429.
    /// Scripted failures take precedence over the random rates.
    /// </summary>
    public void FailNext(int count, int status)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        CheckStatus(status);
        if (count == 0)
        {
            return;
        }

        lock (gate)
        {
            scripted.Enqueue(new ScriptedFailure(status, count));
        }
    }

    /// <summary>Download answers still to be cut short by <see cref="DropNextDownloads"/>.</summary>
    public int PendingDrops
    {
        get { lock (gate) { return dropCount; } }
    }

    /// <summary>
    /// Dropped connections (docs/architecture.md, The emulator; docs/contracts/incydr.md, Downloads):
    /// the next <paramref name="count"/> successful download answers (case PDF, full ZIP, events CSV,
    /// source file) send their headers with the full Content-Length and the first
    /// <paramref name="afterBytes"/> bytes of body, then the connection is aborted, so the client sees
    /// a truncated body or a reset. Error answers do not use up a drop; a body no longer than
    /// <paramref name="afterBytes"/> is sent whole. A new call replaces the pending count and byte
    /// limit; <see cref="Reset"/> clears them. Independent of the status faults above (a request failed
    /// by those never reaches the download).
    /// </summary>
    public void DropNextDownloads(int count, long afterBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(afterBytes);
        lock (gate)
        {
            dropCount = count;
            dropAfterBytes = afterBytes;
        }
    }

    /// <summary>Uses up one pending drop; false when none is pending.</summary>
    public bool TryTakeDrop(out long afterBytes)
    {
        lock (gate)
        {
            afterBytes = dropAfterBytes;
            if (dropCount == 0)
            {
                return false;
            }

            dropCount--;
            return true;
        }
    }

    /// <summary>Answers still to be lost by <see cref="LoseNextAnswers"/>.</summary>
    public int PendingLostAnswers
    {
        get { lock (gate) { return lostAnswerCount; } }
    }

    /// <summary>
    /// Lost answers (docs/architecture.md, "The emulator"): the next <paramref name="count"/> requests
    /// with <paramref name="method"/> whose path starts with <paramref name="pathPrefix"/> (both
    /// case-insensitive) are handled in full, so the server acts, and then the connection is aborted
    /// before any byte of the answer is sent; the client sees a dropped connection. A request failed by
    /// a status fault never reaches its handler and does not use one up. A new call replaces the
    /// pending ones; <see cref="Reset"/> clears them.
    /// </summary>
    public void LoseNextAnswers(int count, string method, string pathPrefix)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentException.ThrowIfNullOrEmpty(pathPrefix);
        lock (gate)
        {
            lostAnswerCount = count;
            lostAnswerMethod = method;
            lostAnswerPath = pathPrefix;
        }
    }

    /// <summary>Uses up one pending lost answer when this request matches; false otherwise.</summary>
    public bool TryTakeLostAnswer(string method, string path)
    {
        lock (gate)
        {
            if (lostAnswerCount == 0
                || !string.Equals(method, lostAnswerMethod, StringComparison.OrdinalIgnoreCase)
                || !path.StartsWith(lostAnswerPath, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            lostAnswerCount--;
            return true;
        }
    }

    /// <summary>Restarts the random sequence (for reproducible runs after knobs changed mid-test).</summary>
    public void Reseed(int seed)
    {
        lock (gate)
        {
            random = new Random(seed);
        }
    }

    /// <summary>Turns every fault off and drops pending scripted failures, download drops and lost answers; Retry-After back to 1, error status back to 503.</summary>
    public void Reset()
    {
        lock (gate)
        {
            scripted.Clear();
            latency = TimeSpan.Zero;
            tooManyRequestsRate = 0;
            serverErrorRate = 0;
            retryAfterSeconds = 1;
            serverErrorStatus = 503;
            faultTokenEndpoint = false;
            dropCount = 0;
            dropAfterBytes = 0;
            lostAnswerCount = 0;
        }

        Rewrites.Clear();
    }

    /// <summary>Decides the fate of one request (consumes a scripted failure or a random draw).</summary>
    public FaultDecision Decide(bool exempt)
    {
        lock (gate)
        {
            if (exempt && !faultTokenEndpoint)
            {
                return new FaultDecision(TimeSpan.Zero, null, retryAfterSeconds);
            }

            int? status = null;
            if (scripted.Count > 0)
            {
                var head = scripted.Peek();
                status = head.Status;
                if (--head.Remaining == 0)
                {
                    scripted.Dequeue();
                }
            }
            else if (tooManyRequestsRate > 0 || serverErrorRate > 0)
            {
                var draw = random.NextDouble();
                if (draw < tooManyRequestsRate)
                {
                    status = 429;
                }
                else if (draw < tooManyRequestsRate + serverErrorRate)
                {
                    status = serverErrorStatus;
                }
            }

            return new FaultDecision(latency, status, retryAfterSeconds);
        }
    }

    private static void CheckRate(double value)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A rate must be between 0 and 1.");
        }
    }

    private static void CheckStatus(int status)
    {
        if (status < 100 || status > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Not an HTTP status code.");
        }
    }

    // Mutable on purpose: the head's count goes down in place under the lock.
    private sealed class ScriptedFailure(int status, int remaining)
    {
        public int Status { get; } = status;

        public int Remaining { get; set; } = remaining;
    }
}
