using System.Globalization;

namespace CaseOps.Sandbox.Incydr.FileEvents;

/// <summary>
/// Generates the tenant's pool of file events deterministically from a seed (same seed and
/// anchor: same ids and documents), and attaches some of them to seeded cases.
/// </summary>
public static class FileEventSeeder
{
    private static readonly RiskIndicatorRecord[] UserIndicators =
    [
        new("Departing employee", "5d4e6f7a-8b9c-4eaf-b0c1-2d3e4f5a6b77", 4),
        new("After hours", "6e5f7a8b-9cad-4fb0-81d2-3e4f5a6b7c88", 1),
        new("Remote activity", "7f6a8b9c-adbe-40c1-92e3-4f5a6b7c8d99", 1),
    ];

    /// <summary>Largest number of events one seeded case gets.</summary>
    public const int MaxSeededPerCase = 12;

    /// <summary>
    /// <paramref name="count"/> events dated within the year before <paramref name="anchorUtc"/>,
    /// spread over <paramref name="users"/>. About one in ten has no captured source file.
    /// </summary>
    public static IReadOnlyList<FileEventRecord> Generate(int count, int seed, DateTime anchorUtc, IReadOnlyList<SandboxUser> users)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfZero(users.Count);

        // Own Random: the pool must not shift when case seeding changes, and vice versa.
        var random = new Random(unchecked((seed * 31) + 0x5EED));
        var devices = users.Select(user => NewDevice(random)).ToArray();
        var start = anchorUtc.AddDays(-365);
        var yearMillis = (long)TimeSpan.FromDays(365).TotalMilliseconds;
        var archiveIds = new List<string>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var events = new List<FileEventRecord>(count);

        for (var i = 0; i < count; i++)
        {
            var userIndex = random.Next(users.Count);
            var user = users[userIndex];
            var device = devices[userIndex];
            var channel = FileEventChannel.All[random.Next(FileEventChannel.All.Count)];
            var kind = FileKind.All[random.Next(FileKind.All.Count)];
            var timestamp = start.AddMilliseconds(random.NextInt64(yearMillis));
            var created = timestamp.AddMilliseconds(-random.NextInt64((long)TimeSpan.FromDays(200).TotalMilliseconds));
            var modified = created.AddMilliseconds(random.NextInt64((long)(timestamp - created).TotalMilliseconds + 1));
            var trusted = random.Next(20) == 0;

            string? archiveId = null;
            string? parentArchiveId = null;
            if (kind.IsArchive)
            {
                archiveId = Hex(random, 32);
                archiveIds.Add(archiveId);
            }
            else if (archiveIds.Count > 0 && random.Next(8) == 0)
            {
                parentArchiveId = archiveIds[random.Next(archiveIds.Count)];
            }

            var roll = random.Next(100);
            var availability = roll < 10 ? FileAvailabilities.None : roll < 25 ? FileAvailabilities.Recent : FileAvailabilities.Exact;

            string id;
            do
            {
                id = NewId(random);
            }
            while (!used.Add(id));

            events.Add(new FileEventRecord
            {
                Id = id,
                Timestamp = timestamp,
                Inserted = timestamp.AddMilliseconds(random.Next(30_000, 900_000)),
                Channel = channel,
                DestinationIndex = random.Next(channel.Destinations.Count),
                User = user,
                DeviceUid = device.Uid,
                HostName = device.HostName,
                Windows = device.Windows,
                PrivateIp = device.PrivateIp,
                PublicIp = device.PublicIp,
                Kind = kind,
                FileName = random.Next(3) == 0 ? kind.Stem + kind.Extension : string.Create(CultureInfo.InvariantCulture, $"{kind.Stem}_v{random.Next(2, 10)}{kind.Extension}"),
                Directory = Folder(random, user, device.Windows),
                Created = created,
                Modified = modified,
                MediaSerial = Hex(random, 32),
                PartitionSeed = Hex(random, 64),
                ArchiveId = archiveId,
                ParentArchiveId = parentArchiveId,
                Indicators = trusted ? [] : Indicators(random, channel, kind),
                Trusted = trusted,
                FileAvailability = availability,
            });
        }

        return events;
    }

    /// <summary>
    /// Attaches 0..<see cref="MaxSeededPerCase"/> pool events (drawn deterministically) to each of
    /// <paramref name="caseNumbers"/>. Seeded cases of any status get events: real closed cases have them too.
    /// </summary>
    public static void AttachToCases(FileEventStore store, IEnumerable<long> caseNumbers, int seed)
    {
        var pool = store.PoolIds;
        if (pool.Count == 0)
        {
            return;
        }

        var random = new Random(unchecked((seed * 131) + 0xCA5E));
        var picked = new List<string>(MaxSeededPerCase);
        foreach (var number in caseNumbers)
        {
            picked.Clear();
            var want = Math.Min(random.Next(MaxSeededPerCase + 1), pool.Count);
            while (picked.Count < want)
            {
                var id = pool[random.Next(pool.Count)];
                if (!picked.Contains(id))
                {
                    picked.Add(id);
                }
            }

            store.Attach(number, [.. picked]);
        }
    }

    private static RiskIndicatorRecord[] Indicators(Random random, FileEventChannel channel, FileKind kind)
    {
        var list = new List<RiskIndicatorRecord>(4) { channel.Indicator };
        if (kind.Indicator is { } content)
        {
            list.Add(content);
        }

        foreach (var extra in UserIndicators)
        {
            if (random.Next(5) == 0)
            {
                list.Add(extra);
            }
        }

        return [.. list];
    }

    private static string Folder(Random random, SandboxUser user, bool windows)
    {
        var login = user.Username.Split('@')[0];
        string[] places = ["Documents", "Downloads", "Desktop", "Documents/Finance", "Documents/Projects"];
        var place = places[random.Next(places.Length)];
        return windows
            ? $"C:\\Users\\{login}\\{place.Replace('/', '\\')}\\"
            : $"/Users/{login}/{place}/";
    }

    // Shape of real ids: 0_<device guid>_<19 digits>_<19 digits>_<small number>.
    private static string NewId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        var guid = new Guid(bytes).ToString("D");
        return string.Create(CultureInfo.InvariantCulture, $"0_{guid}_{Digits(random)}_{Digits(random)}_{random.Next(1, 100)}");
    }

    private static string Digits(Random random) =>
        random.NextInt64(1_000_000_000_000_000_000, long.MaxValue).ToString(CultureInfo.InvariantCulture);

    private static string Hex(Random random, int length)
    {
        var bytes = new byte[length / 2];
        random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    private static Device NewDevice(Random random)
    {
        var windows = random.Next(4) != 0;
        return new Device(
            Digits(random),
            (windows ? "LT-" : "MBP-") + Hex(random, 6).ToUpperInvariant(),
            windows,
            string.Create(CultureInfo.InvariantCulture, $"10.{random.Next(1, 255)}.{random.Next(0, 255)}.{random.Next(2, 254)}"),
            string.Create(CultureInfo.InvariantCulture, $"203.0.113.{random.Next(2, 254)}"));
    }

    private sealed record Device(string Uid, string HostName, bool Windows, string PrivateIp, string PublicIp);
}
