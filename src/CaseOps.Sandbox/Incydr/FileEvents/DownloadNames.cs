using System.Globalization;

namespace CaseOps.Sandbox.Incydr.FileEvents;

/// <summary>File names sent in Content-Disposition (and used inside the ZIP): no spaces, no quotes needed.</summary>
public static class DownloadNames
{
    /// <summary><c>Case-{n}-summary.pdf</c>.</summary>
    public static string Summary(long number) => string.Create(CultureInfo.InvariantCulture, $"Case-{number}-summary.pdf");

    /// <summary><c>Case-{n}-file-events.csv</c>.</summary>
    public static string EventsCsv(long number) => string.Create(CultureInfo.InvariantCulture, $"Case-{number}-file-events.csv");

    /// <summary><c>Case-{n}-export.zip</c>.</summary>
    public static string Export(long number) => string.Create(CultureInfo.InvariantCulture, $"Case-{number}-export.zip");
}
