namespace CaseOps.Sandbox.Incydr;

/// <summary>
/// Thread-safe in-memory case table. Records sit in a list ordered by number (numbers only grow,
/// so appending keeps the order and lookups are binary searches); a name index enforces
/// uniqueness. Readers share a lock; records are immutable, so a listing collects references under
/// the lock and sorts them after releasing it.
/// </summary>
public sealed class CaseStore : IDisposable
{
    private readonly ReaderWriterLockSlim gate = new(LockRecursionPolicy.NoRecursion);
    private readonly List<CaseRecord> cases = [];
    private readonly Dictionary<string, long> numbersByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly UserDirectory users;
    private readonly TimeProvider clock;
    private long lastNumber;

    /// <summary>Creates an empty store.</summary>
    public CaseStore(UserDirectory users, TimeProvider? clock = null)
    {
        this.users = users;
        this.clock = clock ?? TimeProvider.System;
    }

    /// <summary>Number of cases stored.</summary>
    public int Count
    {
        get
        {
            gate.EnterReadLock();
            try
            {
                return cases.Count;
            }
            finally
            {
                gate.ExitReadLock();
            }
        }
    }

    /// <summary>Highest case number handed out so far (deleted numbers are never reused).</summary>
    public long LastNumber => Interlocked.Read(ref lastNumber);

    /// <summary>The case with this number, or null.</summary>
    public CaseRecord? Find(long number)
    {
        gate.EnterReadLock();
        try
        {
            var index = IndexOf(number);
            return index >= 0 ? cases[index] : null;
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    /// <summary>A copy of all records in number order (for tests; listing does not use it).</summary>
    public IReadOnlyList<CaseRecord> Snapshot()
    {
        gate.EnterReadLock();
        try
        {
            return cases.ToArray();
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    /// <summary>
    /// Creates an OPEN case made by <paramref name="actor"/>; the status in <paramref name="edit"/> is ignored.
    /// A broken rule throws its <see cref="IncydrFailure"/>.
    /// </summary>
    public CaseRecord Create(CaseEdit edit, SandboxUser actor)
    {
        CaseRules.Enforce(edit, users);
        var now = Now();
        gate.EnterWriteLock();
        try
        {
            if (numbersByName.ContainsKey(edit.Name!))
            {
                throw NameExists(edit.Name!);
            }

            var record = new CaseRecord
            {
                Number = ++lastNumber,
                Name = edit.Name!,
                Description = edit.Description,
                Findings = edit.Findings,
                Status = CaseStatus.OPEN,
                Subject = Resolve(edit.SubjectUid),
                Assignee = Resolve(edit.AssigneeUid),
                CreatedBy = actor,
                LastModifiedBy = actor,
                CreatedAt = now,
                UpdatedAt = now,
            };
            Append(record);
            return record;
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>
    /// Full replacement (PUT). An ARCHIVED case takes no edits; a CLOSED case only accepts being
    /// archived with every other field unchanged (so it can never go back to OPEN). An unknown number
    /// or a broken rule throws its <see cref="IncydrFailure"/>.
    /// </summary>
    public CaseRecord Replace(long number, CaseEdit edit, SandboxUser actor)
    {
        var now = Now();
        gate.EnterWriteLock();
        try
        {
            var index = IndexOf(number);
            if (index < 0)
            {
                throw IncydrFailure.CaseNotFound(number);
            }

            var current = cases[index];
            if (current.Status == CaseStatus.ARCHIVED)
            {
                throw IncydrFailure.Problem(CaseProblemCodes.NoEditsOnceArchived, "archived cases cannot be edited");
            }

            if (current.Status == CaseStatus.CLOSED && !(edit.Status == CaseStatus.ARCHIVED && SameContent(current, edit)))
            {
                throw IncydrFailure.Problem(CaseProblemCodes.NoEditsOnceClosed, "closed cases cannot be edited");
            }

            CaseRules.Enforce(edit, users);

            if (numbersByName.TryGetValue(edit.Name!, out var owner) && owner != number)
            {
                throw NameExists(edit.Name!);
            }

            var updated = current with
            {
                Name = edit.Name!,
                Description = edit.Description,
                Findings = edit.Findings,
                Status = edit.Status,
                Subject = Resolve(edit.SubjectUid),
                Assignee = Resolve(edit.AssigneeUid),
                LastModifiedBy = actor,
                UpdatedAt = now < current.CreatedAt ? current.CreatedAt : now,
                ArchivalTime = edit.Status == CaseStatus.ARCHIVED ? now : null,
            };
            numbersByName.Remove(current.Name);
            numbersByName[updated.Name] = number;
            cases[index] = updated;
            return updated;
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>Removes a case; false when there was none with that number.</summary>
    public bool Delete(long number)
    {
        gate.EnterWriteLock();
        try
        {
            var index = IndexOf(number);
            if (index < 0)
            {
                return false;
            }

            numbersByName.Remove(cases[index].Name);
            cases.RemoveAt(index);
            return true;
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>
    /// Stores a ready-made record under the next number (the template's number is ignored) without
    /// the field rules: lets tests plant exact timestamps or states. Throws on a duplicate name.
    /// </summary>
    public CaseRecord Add(CaseRecord template)
    {
        gate.EnterWriteLock();
        try
        {
            if (numbersByName.ContainsKey(template.Name))
            {
                throw new InvalidOperationException($"A case named '{template.Name}' already exists.");
            }

            var record = template with { Number = ++lastNumber };
            Append(record);
            return record;
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>Appends <paramref name="count"/> generated cases (deterministic for a given seed and anchor).</summary>
    public void Seed(int count, int seed, DateTime anchorUtc)
    {
        gate.EnterWriteLock();
        try
        {
            cases.EnsureCapacity(cases.Count + count);
            numbersByName.EnsureCapacity(numbersByName.Count + count);
            foreach (var record in CaseSeeder.Generate(lastNumber + 1, count, seed, anchorUtc, users))
            {
                if (!numbersByName.TryAdd(record.Name, record.Number))
                {
                    throw new InvalidOperationException($"Seeded name '{record.Name}' is already taken.");
                }

                cases.Add(record);
                lastNumber = record.Number;
            }
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>Filters, sorts and pages the cases.</summary>
    public CasePage List(CaseQuery query)
    {
        var skip = (long)(query.PageNumber - 1) * query.PageSize;
        var numberAsc = CaseOrdering.IsNumberAscending(query.Sort);
        var numberDesc = CaseOrdering.IsNumberDescending(query.Sort);
        CaseRecord[] matches;

        gate.EnterReadLock();
        try
        {
            if (!query.HasFilters && (numberAsc || numberDesc))
            {
                // Fast path (the SDK's default call): the store order is the answer, copy only the page.
                return new CasePage(Slice(cases, skip, query.PageSize, reverse: numberDesc), cases.Count);
            }

            matches = query.HasFilters ? cases.FindAll(query.Matches).ToArray() : cases.ToArray();
        }
        finally
        {
            gate.ExitReadLock();
        }

        if (!numberAsc && !numberDesc)
        {
            CaseOrdering.Sort(matches, query.Sort);
        }

        return new CasePage(Slice(matches, skip, query.PageSize, reverse: numberDesc), matches.Length);
    }

    /// <summary>Current time cut to microseconds, the precision the wire carries.</summary>
    private DateTime Now() => IsoInstant.TruncateToMicroseconds(clock.GetUtcNow().UtcDateTime);

    private static IReadOnlyList<CaseRecord> Slice(IReadOnlyList<CaseRecord> source, long skip, int take, bool reverse)
    {
        if (skip >= source.Count)
        {
            return [];
        }

        var length = (int)Math.Min(take, source.Count - skip);
        var page = new CaseRecord[length];
        for (var i = 0; i < length; i++)
        {
            var position = (int)skip + i;
            page[i] = source[reverse ? source.Count - 1 - position : position];
        }

        return page;
    }

    private static bool SameContent(CaseRecord current, CaseEdit edit) =>
        string.Equals(current.Name, edit.Name, StringComparison.Ordinal)
        && string.Equals(current.Description, edit.Description, StringComparison.Ordinal)
        && string.Equals(current.Findings, edit.Findings, StringComparison.Ordinal)
        && string.Equals(current.Subject?.Uid, edit.SubjectUid, StringComparison.Ordinal)
        && string.Equals(current.Assignee?.Uid, edit.AssigneeUid, StringComparison.Ordinal);

    private static IncydrFailure NameExists(string name) => IncydrFailure.Problem(CaseProblemCodes.NameExists, $"a case named '{name}' already exists");

    private SandboxUser? Resolve(string? uid) => uid is null ? null : users.Find(uid);

    private void Append(CaseRecord record)
    {
        cases.Add(record);
        numbersByName[record.Name] = record.Number;
    }

    private int IndexOf(long number)
    {
        int low = 0, high = cases.Count - 1;
        while (low <= high)
        {
            var mid = low + ((high - low) / 2);
            var value = cases[mid].Number;
            if (value == number)
            {
                return mid;
            }

            if (value < number)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return -1;
    }

    /// <inheritdoc />
    public void Dispose() => gate.Dispose();
}
