using System.Globalization;

namespace CaseOps.Sandbox.Incydr;

/// <summary>
/// Generates realistic-looking cases deterministically from a seed. Text comes from small shared
/// pools (only names are per case), so 100,000 cases stay a few tens of MB.
/// </summary>
public static class CaseSeeder
{
    private static readonly string[] Topics =
    [
        "USB exfiltration", "Departing employee", "Cloud sync to personal drive", "Source code upload",
        "Bulk download from SharePoint", "Email to personal address", "AirDrop transfer", "Print of payroll data",
        "Unusual Git push", "Salesforce export", "Zip archive to Dropbox", "Browser upload to WeTransfer",
        "Customer list copied", "Design files shared publicly", "After-hours file access", "Contractor offboarding",
        "Password-protected archive", "Slack file share", "Removable media burst", "Google Drive link shared",
        "M&A documents moved", "Research data download", "HR records accessed", "Finance report forwarded",
    ];

    private static readonly string[] Descriptions =
    [
        "Alert raised by a high-risk file movement rule.",
        "Escalated from the insider risk queue for review.",
        "Manager reported unusual activity before resignation.",
        "Automated detection: volume well above the user's baseline.",
        "Follow-up on an earlier alert for the same user.",
        "Legal hold requested; preserve all related events.",
    ];

    private static readonly string[] Findings =
    [
        "## Summary\n\nFiles were moved outside trusted domains. No business justification was given.",
        "## Timeline\n\n* Files copied to removable media\n* Device disconnected shortly after\n\nUser interview pending.",
        "## Outcome\n\nActivity confirmed as approved by the data owner. No further action.",
        "## Notes\n\n- Source code repository cloned\n- Pushed to a personal remote\n- Access revoked",
    ];

    /// <summary>Cases <paramref name="firstNumber"/> .. +count-1, created within the year before <paramref name="anchorUtc"/>.</summary>
    public static IEnumerable<CaseRecord> Generate(long firstNumber, int count, int seed, DateTime anchorUtc, UserDirectory users)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        anchorUtc = IsoInstant.TruncateToMicroseconds(DateTime.SpecifyKind(anchorUtc, DateTimeKind.Utc));
        var random = new Random(seed);
        var people = users.People;
        var yearMicros = (long)TimeSpan.FromDays(365).TotalMicroseconds;
        var start = anchorUtc.AddDays(-365);

        // Numbers follow creation order, as on a real tenant: draw the offsets, then sort them.
        var offsets = new long[count];
        for (var i = 0; i < count; i++)
        {
            offsets[i] = random.NextInt64(yearMicros);
        }

        Array.Sort(offsets);

        for (var i = 0; i < count; i++)
        {
            var number = firstNumber + i;
            var createdAt = start.AddTicks(offsets[i] * 10);
            var maxUpdateMicros = Math.Min((long)TimeSpan.FromDays(60).TotalMicroseconds, (anchorUtc - createdAt).Ticks / 10);
            var updatedAt = random.Next(4) == 0 ? createdAt : createdAt.AddTicks(random.NextInt64(maxUpdateMicros + 1) * 10);

            var roll = random.NextDouble();
            var status = roll < 0.7 ? CaseStatus.OPEN : roll < 0.9 ? CaseStatus.CLOSED : CaseStatus.ARCHIVED;

            var creator = people[random.Next(people.Count)];
            var modifier = random.Next(3) == 0 ? people[random.Next(people.Count)] : creator;

            yield return new CaseRecord
            {
                Number = number,
                Name = string.Create(CultureInfo.InvariantCulture, $"Case {number:D5} – {Topics[random.Next(Topics.Length)]}"),
                Description = random.Next(5) == 0 ? null : Descriptions[random.Next(Descriptions.Length)],
                Findings = status == CaseStatus.OPEN && random.Next(2) == 0 ? null : Findings[random.Next(Findings.Length)],
                Status = status,
                Subject = random.Next(10) == 0 ? null : people[random.Next(people.Count)],
                Assignee = random.Next(4) == 0 ? null : people[random.Next(people.Count)],
                CreatedBy = creator,
                LastModifiedBy = modifier,
                CreatedAt = createdAt,
                UpdatedAt = updatedAt,
                ArchivalTime = status == CaseStatus.ARCHIVED ? updatedAt : null,
            };
        }
    }
}
