namespace CaseOps.Sandbox.Incydr.FileEvents;

/// <summary>
/// One file event of the tenant's pool. Immutable and compact: the full FileEventV2 document is
/// written from these fields on demand (<see cref="FileEventDocument"/>), so a pool of many
/// thousand events costs a few MB instead of one JSON tree each.
/// </summary>
public sealed record FileEventRecord
{
    /// <summary>Event id, e.g. <c>0_1d71796f-af5b-4231-9d8e-df6434da4663_1165958432216129830_1173004209553793040_69</c>.</summary>
    public required string Id { get; init; }

    /// <summary>When the activity happened (UTC, whole milliseconds).</summary>
    public required DateTime Timestamp { get; init; }

    /// <summary>When Incydr stored the event (UTC, whole milliseconds), a little after <see cref="Timestamp"/>.</summary>
    public required DateTime Inserted { get; init; }

    /// <summary>How the file left: the channel with its action, destination and indicator.</summary>
    public required FileEventChannel Channel { get; init; }

    /// <summary>Index into the channel's destinations.</summary>
    public required int DestinationIndex { get; init; }

    /// <summary>The person on the endpoint.</summary>
    public required SandboxUser User { get; init; }

    /// <summary>Device UID of the user's endpoint (digits).</summary>
    public required string DeviceUid { get; init; }

    /// <summary>Host name of the user's endpoint.</summary>
    public required string HostName { get; init; }

    /// <summary>True for a Windows endpoint (backslash paths), false for macOS.</summary>
    public required bool Windows { get; init; }

    /// <summary>Private IP address of the endpoint.</summary>
    public required string PrivateIp { get; init; }

    /// <summary>Public IP address the endpoint was seen from.</summary>
    public required string PublicIp { get; init; }

    /// <summary>Kind of file (name stem, extension, category, MIME type).</summary>
    public required FileKind Kind { get; init; }

    /// <summary>File name: only letters, digits, <c>_</c>, <c>-</c> and <c>.</c>, so it is safe in Content-Disposition.</summary>
    public required string FileName { get; init; }

    /// <summary>Directory, ending with <c>\</c> (Windows) or <c>/</c> (macOS).</summary>
    public required string Directory { get; init; }

    /// <summary>File creation time (UTC).</summary>
    public required DateTime Created { get; init; }

    /// <summary>File modification time (UTC).</summary>
    public required DateTime Modified { get; init; }

    /// <summary>
    /// Random hex (32 digits) the removable-media serial number is cut from. The reported hashes are
    /// not stored: they are computed from the served bytes (<see cref="FileEventStore.SourceFactsOf"/>).
    /// </summary>
    public required string MediaSerial { get; init; }

    /// <summary>Random hex (64 digits) the removable-media partition id is cut from.</summary>
    public required string PartitionSeed { get; init; }

    /// <summary>Archive id when the file is itself an archive, else null.</summary>
    public string? ArchiveId { get; init; }

    /// <summary>Archive id of the archive the file was found in, else null.</summary>
    public string? ParentArchiveId { get; init; }

    /// <summary>Risk indicators with their weights (empty for trusted activity).</summary>
    public required IReadOnlyList<RiskIndicatorRecord> Indicators { get; init; }

    /// <summary>True when the destination is trusted (no risk).</summary>
    public required bool Trusted { get; init; }

    /// <summary>EXACT_FILE_AVAILABLE, RECENT_FILE_AVAILABLE or NO_FILE_AVAILABLE.</summary>
    public required string FileAvailability { get; init; }

    /// <summary>True when a source file was captured and can be downloaded.</summary>
    public bool HasSourceFile => FileAvailability is FileAvailabilities.Exact or FileAvailabilities.Recent;

    /// <summary>Sum of the indicator weights.</summary>
    public int RiskScore
    {
        get
        {
            var score = 0;
            foreach (var indicator in Indicators)
            {
                score += indicator.Weight;
            }

            return score;
        }
    }

    /// <summary>Severity of <see cref="RiskScore"/> in the SDK's file-event severity enum.</summary>
    public string RiskSeverity => RiskScore switch
    {
        0 => "NO_RISK_INDICATED",
        <= 3 => "LOW",
        <= 6 => "MODERATE",
        <= 8 => "HIGH",
        _ => "CRITICAL",
    };

    /// <summary>Exposure types of the abbreviated view (empty for trusted activity).</summary>
    public IReadOnlyList<string> Exposure => Trusted ? [] : Channel.Exposure;
}

/// <summary>One weighted risk indicator.</summary>
/// <param name="Name">Display name, e.g. <c>Removable media</c>.</param>
/// <param name="Id">Stable indicator id (UUID).</param>
/// <param name="Weight">Contribution to the risk score.</param>
public sealed record RiskIndicatorRecord(string Name, string Id, int Weight);

/// <summary>Values of <c>fileAvailability</c>.</summary>
public static class FileAvailabilities
{
    /// <summary>The exact captured file can be downloaded.</summary>
    public const string Exact = "EXACT_FILE_AVAILABLE";

    /// <summary>A recent version of the file can be downloaded.</summary>
    public const string Recent = "RECENT_FILE_AVAILABLE";

    /// <summary>No source file was captured.</summary>
    public const string None = "NO_FILE_AVAILABLE";
}
