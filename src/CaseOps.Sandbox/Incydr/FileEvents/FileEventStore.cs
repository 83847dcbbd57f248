namespace CaseOps.Sandbox.Incydr.FileEvents;

/// <summary>
/// The tenant's file-event pool and which events sit on which case. The pool is fixed after
/// start; attachments change under one lock (sections are short: at most 1000 ids per case, so
/// linear scans are fine). Cases hold pool indexes, not records, to keep 100,000 seeded cases cheap.
/// Case existence and status are the routes' business (they ask the <see cref="CaseStore"/>).
/// </summary>
public sealed class FileEventStore
{
    /// <summary>Most ids one add request may carry.</summary>
    public const int MaxPerRequest = 100;

    /// <summary>Most events one case may hold.</summary>
    public const int MaxPerCase = 1000;

    private readonly object gate = new();
    private readonly FileEventRecord[] pool;
    private readonly string[] poolIds;
    private readonly Dictionary<string, int> indexById;
    private readonly Dictionary<long, List<int>> byCase = [];
    private readonly Dictionary<string, long> sizeOverrides = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceFileFacts> factsCache = new(StringComparer.Ordinal);
    private readonly long defaultSourceSize;

    /// <summary>Creates the store over a fixed pool.</summary>
    /// <param name="pool">The tenant's events; ids must be unique.</param>
    /// <param name="defaultSourceSize">Length in bytes of every captured source file unless overridden.</param>
    public FileEventStore(IEnumerable<FileEventRecord> pool, long defaultSourceSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(defaultSourceSize);
        this.pool = [.. pool];
        this.defaultSourceSize = defaultSourceSize;
        poolIds = new string[this.pool.Length];
        indexById = new Dictionary<string, int>(this.pool.Length, StringComparer.Ordinal);
        for (var i = 0; i < this.pool.Length; i++)
        {
            poolIds[i] = this.pool[i].Id;
            if (!indexById.TryAdd(poolIds[i], i))
            {
                throw new ArgumentException($"Duplicate file event id '{poolIds[i]}'.", nameof(pool));
            }
        }
    }

    /// <summary>Ids of every event in the tenant, in pool order.</summary>
    public IReadOnlyList<string> PoolIds => poolIds;

    /// <summary>The pool event with this id, or null.</summary>
    public FileEventRecord? Find(string eventId) => indexById.TryGetValue(eventId, out var index) ? pool[index] : null;

    /// <summary>Ids of the events on a case, in the order they were added (empty for unknown cases).</summary>
    public IReadOnlyList<string> EventsOf(long caseNumber) => RecordsOf(caseNumber).Select(record => record.Id).ToArray();

    /// <summary>The events on a case, in the order they were added.</summary>
    public IReadOnlyList<FileEventRecord> RecordsOf(long caseNumber)
    {
        lock (gate)
        {
            if (!byCase.TryGetValue(caseNumber, out var list))
            {
                return [];
            }

            var records = new FileEventRecord[list.Count];
            for (var i = 0; i < records.Length; i++)
            {
                records[i] = pool[list[i]];
            }

            return records;
        }
    }

    /// <summary>True when the event is on the case.</summary>
    public bool IsOnCase(long caseNumber, string eventId)
    {
        if (!indexById.TryGetValue(eventId, out var index))
        {
            return false;
        }

        lock (gate)
        {
            return byCase.TryGetValue(caseNumber, out var list) && list.Contains(index);
        }
    }

    /// <summary>True when the event exists and a source file was captured for it.</summary>
    public bool HasSourceFile(string eventId) => Find(eventId)?.HasSourceFile ?? false;

    /// <summary>The event's <c>file.name</c> (also the download file name), or null for an unknown id.</summary>
    public string? FileNameOf(string eventId) => Find(eventId)?.FileName;

    /// <summary>Length in bytes of the event's source file download.</summary>
    public long SourceSizeOf(string eventId)
    {
        lock (gate)
        {
            return sizeOverrides.TryGetValue(eventId, out var size) ? size : defaultSourceSize;
        }
    }

    /// <summary>
    /// The event's source file as its event reports it: the current length and the hashes of the bytes
    /// served at that length. Computed once per id and length (a 200 MB file takes about a second).
    /// </summary>
    public SourceFileFacts SourceFactsOf(string eventId)
    {
        var size = SourceSizeOf(eventId);
        lock (gate)
        {
            if (factsCache.TryGetValue(eventId, out var known) && known.Size == size)
            {
                return known;
            }
        }

        var facts = SourceFileFacts.Compute(eventId, size);
        lock (gate)
        {
            factsCache[eventId] = facts;
        }

        return facts;
    }

    /// <summary>
    /// Makes one event's source file <paramref name="bytes"/> long from now on (e.g. 200 MB to test
    /// streaming). The content stays the same generated sequence, just longer or shorter.
    /// </summary>
    public void SetSourceSize(string eventId, long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        RequireKnown(eventId);
        lock (gate)
        {
            sizeOverrides[eventId] = bytes;
        }
    }

    /// <summary>The first <paramref name="count"/> bytes of the event's source file content (for checking downloads).</summary>
    public static byte[] SourceBytes(string eventId, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var bytes = new byte[count];
        new SourceFileGenerator(eventId).Fill(bytes);
        return bytes;
    }

    /// <summary>
    /// Puts events on a case without the API rules (status, limits): for arranging tests and for
    /// seeding. Ids already on the case are skipped; an id outside the pool throws.
    /// </summary>
    public void Attach(long caseNumber, params string[] eventIds)
    {
        var indexes = eventIds.Select(RequireKnown).ToArray();
        lock (gate)
        {
            var list = ListOf(caseNumber);
            foreach (var index in indexes)
            {
                if (!list.Contains(index))
                {
                    list.Add(index);
                }
            }
        }
    }

    /// <summary>
    /// The API add (bulk and single, docs/contracts/incydr.md, File events on cases), all or nothing:
    /// an unknown id, an id already on the case or more than <see cref="MaxPerCase"/> events in total
    /// leaves the case unchanged. Repeated ids in one request count once. The caller has already
    /// checked the case exists and is OPEN.
    /// </summary>
    public EventAddResult Add(long caseNumber, IReadOnlyList<string> eventIds)
    {
        if (eventIds.Count > MaxPerRequest)
        {
            return new EventAddResult(EventAddStatus.TooMany, null);
        }

        var indexes = new List<int>(eventIds.Count);
        foreach (var id in eventIds)
        {
            if (!indexById.TryGetValue(id, out var index))
            {
                return new EventAddResult(EventAddStatus.UnknownEvent, id);
            }

            if (!indexes.Contains(index))
            {
                indexes.Add(index);
            }
        }

        lock (gate)
        {
            var list = byCase.GetValueOrDefault(caseNumber);
            if (list is not null)
            {
                foreach (var index in indexes)
                {
                    if (list.Contains(index))
                    {
                        return new EventAddResult(EventAddStatus.AlreadyOnCase, poolIds[index]);
                    }
                }
            }

            if ((list?.Count ?? 0) + indexes.Count > MaxPerCase)
            {
                return new EventAddResult(EventAddStatus.TooMany, null);
            }

            ListOf(caseNumber).AddRange(indexes);
            return new EventAddResult(EventAddStatus.Added, null);
        }
    }

    /// <summary>Takes an event off a case; false when it was not on it.</summary>
    public bool Remove(long caseNumber, string eventId)
    {
        if (!indexById.TryGetValue(eventId, out var index))
        {
            return false;
        }

        lock (gate)
        {
            return byCase.TryGetValue(caseNumber, out var list) && list.Remove(index);
        }
    }

    private List<int> ListOf(long caseNumber)
    {
        if (!byCase.TryGetValue(caseNumber, out var list))
        {
            list = [];
            byCase[caseNumber] = list;
        }

        return list;
    }

    private int RequireKnown(string eventId) =>
        indexById.TryGetValue(eventId, out var index)
            ? index
            : throw new ArgumentException($"File event '{eventId}' is not in the pool.", nameof(eventId));
}

/// <summary>Outcome of <see cref="FileEventStore.Add"/>.</summary>
public enum EventAddStatus
{
    /// <summary>All ids were added.</summary>
    Added,

    /// <summary>An id is not in the pool (<see cref="EventAddResult.EventId"/> names the first).</summary>
    UnknownEvent,

    /// <summary>An id is already on the case.</summary>
    AlreadyOnCase,

    /// <summary>Too many ids in the request or on the case.</summary>
    TooMany,
}

/// <summary>Result of an add.</summary>
/// <param name="Status">What happened.</param>
/// <param name="EventId">The offending id, when there is one.</param>
public readonly record struct EventAddResult(EventAddStatus Status, string? EventId);
