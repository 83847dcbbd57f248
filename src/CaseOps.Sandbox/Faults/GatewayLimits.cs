namespace CaseOps.Sandbox.Faults;

/// <summary>
/// The limits of a gateway in front of the API (docs/architecture.md, "The emulator"): the most requests
/// one client may have in flight, and the most it may start per second; beyond either the answer is
/// 429 with Retry-After. A client is a remote address. A request is in flight from its arrival until
/// its answer starts, so a client that waits for each answer before it sends the next request never
/// exceeds its own count here. Also records the most requests of one client ever in flight, whether
/// limits are on or not, so tests can check a client's own limit. Thread-safe; changeable while the
/// emulator runs.
/// </summary>
public sealed class GatewayLimits
{
    private readonly object gate = new();
    private readonly Dictionary<string, ClientState> clients = new(StringComparer.Ordinal);
    private readonly TimeProvider time;
    private int maxInFlight;
    private int requestsPerSecond;
    private int retryAfterSeconds = 1;
    private int peakInFlight;
    private int rejected;

    /// <summary>Creates the limits, all off.</summary>
    public GatewayLimits(TimeProvider? time = null) => this.time = time ?? TimeProvider.System;

    /// <summary>Requests one client may have in flight; 0: no limit.</summary>
    public int MaxInFlightPerClient
    {
        get { lock (gate) { return maxInFlight; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            lock (gate) { maxInFlight = value; }
        }
    }

    /// <summary>Requests one client may start per second (a sliding second); 0: no limit.</summary>
    public int RequestsPerSecond
    {
        get { lock (gate) { return requestsPerSecond; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            lock (gate) { requestsPerSecond = value; }
        }
    }

    /// <summary>Retry-After seconds on the gateway's 429 for too many in flight (the per-second limit says how long until a request is allowed).</summary>
    public int RetryAfterSeconds
    {
        get { lock (gate) { return retryAfterSeconds; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            lock (gate) { retryAfterSeconds = value; }
        }
    }

    /// <summary>The most requests one client had in flight at once since the last <see cref="Reset"/> or <see cref="ResetCounts"/>, the refused ones included.</summary>
    public int PeakInFlight
    {
        get { lock (gate) { return peakInFlight; } }
    }

    /// <summary>Requests the gateway answered 429 since the last <see cref="Reset"/> or <see cref="ResetCounts"/>.</summary>
    public int Rejected
    {
        get { lock (gate) { return rejected; } }
    }

    /// <summary>Turns the limits off, Retry-After back to 1, and forgets the counts.</summary>
    public void Reset()
    {
        lock (gate)
        {
            maxInFlight = 0;
            requestsPerSecond = 0;
            retryAfterSeconds = 1;
            peakInFlight = 0;
            rejected = 0;
            clients.Clear();
        }
    }

    /// <summary>
    /// Forgets the counts (<see cref="PeakInFlight"/>, <see cref="Rejected"/>) but keeps the limits and
    /// what each client has in flight now, so a running emulator can start a fresh measurement.
    /// </summary>
    public void ResetCounts()
    {
        lock (gate)
        {
            // The per-client state stays: requests still in flight will Leave, and the
            // per-second window must not open early because a measurement restarted.
            peakInFlight = 0;
            rejected = 0;
        }
    }

    /// <summary>
    /// Admits one arriving request of <paramref name="client"/>: null when it may pass (call
    /// <see cref="Leave"/> when its answer starts), else the Retry-After seconds of the 429 to send.
    /// </summary>
    public int? Enter(string client)
    {
        lock (gate)
        {
            if (!clients.TryGetValue(client, out var state))
            {
                clients[client] = state = new ClientState();
            }

            peakInFlight = Math.Max(peakInFlight, state.InFlight + 1);
            if (maxInFlight > 0 && state.InFlight >= maxInFlight)
            {
                rejected++;
                return retryAfterSeconds;
            }

            if (requestsPerSecond > 0 && WaitForRate(state) is { } wait)
            {
                rejected++;
                return wait;
            }

            state.InFlight++;
            return null;
        }
    }

    /// <summary>Ends a request <see cref="Enter"/> let pass.</summary>
    public void Leave(string client)
    {
        lock (gate)
        {
            if (clients.TryGetValue(client, out var state) && state.InFlight > 0)
            {
                state.InFlight--;
            }
        }
    }

    // Seconds until the oldest start of the last second leaves it, or null (and the start counted) when there is room.
    private int? WaitForRate(ClientState state)
    {
        var now = time.GetTimestamp();
        var second = time.TimestampFrequency;
        while (state.Starts.Count > 0 && now - state.Starts.Peek() >= second)
        {
            state.Starts.Dequeue();
        }

        if (state.Starts.Count >= requestsPerSecond)
        {
            var left = second - (now - state.Starts.Peek());
            return (int)Math.Max(1, Math.Ceiling((double)left / second));
        }

        state.Starts.Enqueue(now);
        return null;
    }

    private sealed class ClientState
    {
        public int InFlight { get; set; }

        public Queue<long> Starts { get; } = new();
    }
}
