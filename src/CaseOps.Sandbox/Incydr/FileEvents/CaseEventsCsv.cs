using System.Globalization;
using CsvHelper;

namespace CaseOps.Sandbox.Incydr.FileEvents;

/// <summary>
/// The event export, <c>GET …/fileevent/export</c> (docs/contracts/incydr.md, Downloads): one
/// header row and one row per event on the case, RFC 4180 (CRLF line ends, fields quoted when
/// needed, by CsvHelper), lists joined with <c>;</c>, UTF-8 without BOM. At most 1000 events per
/// case, so building it in memory is fine.
/// </summary>
public static class CaseEventsCsv
{
    /// <summary>Column names, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "eventId", "eventTimestamp", "fileName", "filePath", "fileAvailability", "riskScore", "riskSeverity", "exposure", "riskIndicators",
    ];

    /// <summary>The CSV bytes for the events on a case.</summary>
    public static byte[] Create(IReadOnlyList<FileEventRecord> events)
    {
        using var buffer = new MemoryStream(256 + (events.Count * 256));

        // Default options are RFC 4180: CRLF, quote when needed, doubled quotes, UTF-8 without BOM.
        using (var csv = CsvWriter.Create(buffer, CsvWriterOptions.Default, leaveOpen: true))
        {
            csv.WriteRecord([.. Columns]);
            foreach (var fileEvent in events)
            {
                csv.WriteRecord(
                [
                    fileEvent.Id,
                    FileEventTime.Format(fileEvent.Timestamp),
                    fileEvent.FileName,
                    fileEvent.Directory,
                    fileEvent.FileAvailability,
                    fileEvent.RiskScore.ToString(CultureInfo.InvariantCulture),
                    fileEvent.RiskSeverity,
                    string.Join(';', fileEvent.Exposure),
                    string.Join(';', fileEvent.Indicators.Select(indicator => indicator.Name)),
                ]);
            }
        }

        return buffer.ToArray();
    }
}
