namespace CaseOps.Sandbox.Diagnostics;

/// <summary>
/// Thread-safe record of every request, so tests can count calls (e.g. pages fetched) and see when
/// each arrived. An entry is added on arrival and gets its status just before the response starts,
/// so by the time a client holds a response its entry is complete.
/// </summary>
public sealed class RequestLog
{
    /// <summary>Status recorded for requests the client abandoned before an answer was sent.</summary>
    public const int ClientClosedRequest = 499;

    /// <summary>Entries kept at most; beyond it the oldest tenth is dropped (keeps a long stand-alone run bounded).</summary>
    public const int MaxEntries = 1_000_000;

    private readonly object gate = new();
    private readonly List<Slot> slots = [];
    private long sequence;

    /// <summary>Snapshot of all entries in arrival order.</summary>
    public IReadOnlyList<RequestLogEntry> Entries
    {
        get
        {
            lock (gate)
            {
                return slots.Select(slot => slot.ToEntry()).ToArray();
            }
        }
    }

    /// <summary>Number of entries.</summary>
    public int Total
    {
        get
        {
            lock (gate)
            {
                return slots.Count;
            }
        }
    }

    /// <summary>Requests with this method (case-insensitive) whose path starts with <paramref name="pathPrefix"/> (case-insensitive).</summary>
    public int Count(string method, string pathPrefix) =>
        Count(entry => string.Equals(entry.Method, method, StringComparison.OrdinalIgnoreCase)
            && entry.Path.StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>Requests matching a predicate.</summary>
    public int Count(Func<RequestLogEntry, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return Entries.Count(predicate);
    }

    /// <summary>Forgets all entries (sequence numbers keep counting).</summary>
    public void Clear()
    {
        lock (gate)
        {
            slots.Clear();
        }
    }

    /// <summary>Records an arriving request; the returned slot receives the status later.</summary>
    internal Slot Begin(string method, string path, string queryString, long arrivedAt, string requestId)
    {
        lock (gate)
        {
            var slot = new Slot(++sequence, method, path, queryString, arrivedAt, requestId);
            if (slots.Count >= MaxEntries)
            {
                slots.RemoveRange(0, MaxEntries / 10);
            }

            slots.Add(slot);
            return slot;
        }
    }

    /// <summary>A mutable entry under construction; only the status changes after creation.</summary>
    internal sealed class Slot(long sequence, string method, string path, string queryString, long arrivedAt, string requestId)
    {
        private int statusCode;

        /// <summary>Sets the status once; later calls are ignored (the first answer is what the client saw).</summary>
        public void Complete(int status) => Interlocked.CompareExchange(ref statusCode, status, 0);

        public RequestLogEntry ToEntry() =>
            new(sequence, method, path, queryString, Volatile.Read(ref statusCode), arrivedAt, requestId);
    }
}
