namespace CaseOps.Sandbox.Incydr.FileEvents;

/// <summary>The abbreviated CaseFileEvent view (docs/contracts/incydr.md, Schemas) of the event list; every key always written.</summary>
public sealed class CaseFileEventJson
{
    /// <summary>Maps a pool record.</summary>
    public CaseFileEventJson(FileEventRecord record)
    {
        EventId = record.Id;
        EventTimestamp = FileEventTime.Format(record.Timestamp);
        Exposure = record.Exposure;
        FileAvailability = record.FileAvailability;
        FileName = record.FileName;
        FilePath = record.Directory;
        RiskIndicators = record.Indicators.Select(indicator => new RiskIndicatorJson(indicator.Name, indicator.Id, indicator.Weight)).ToArray();
        RiskScore = record.RiskScore;
        RiskSeverity = record.RiskSeverity;
    }

    /// <summary>Event id.</summary>
    public string EventId { get; }

    /// <summary>Event time, 3 fraction digits.</summary>
    public string? EventTimestamp { get; }

    /// <summary>Exposure types.</summary>
    public IReadOnlyList<string> Exposure { get; }

    /// <summary>Source file availability.</summary>
    public string FileAvailability { get; }

    /// <summary>File name.</summary>
    public string? FileName { get; }

    /// <summary>Directory, ending with a separator.</summary>
    public string? FilePath { get; }

    /// <summary>Risk indicators.</summary>
    public IReadOnlyList<RiskIndicatorJson> RiskIndicators { get; }

    /// <summary>Risk score.</summary>
    public int? RiskScore { get; }

    /// <summary>Risk severity.</summary>
    public string? RiskSeverity { get; }
}

/// <summary>RiskIndicator (docs/contracts/incydr.md, Schemas).</summary>
/// <param name="Name">Display name.</param>
/// <param name="Id">Indicator id.</param>
/// <param name="Weight">Weight.</param>
public sealed record RiskIndicatorJson(string Name, string Id, int Weight);

/// <summary>CaseFileEventsPage (docs/contracts/incydr.md, Schemas).</summary>
/// <param name="Events">The page.</param>
/// <param name="TotalCount">All matching events on the case.</param>
public sealed record CaseFileEventsPageJson(IReadOnlyList<CaseFileEventJson> Events, long TotalCount);
