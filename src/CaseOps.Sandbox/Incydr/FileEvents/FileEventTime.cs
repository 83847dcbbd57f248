using System.Globalization;

namespace CaseOps.Sandbox.Incydr.FileEvents;

/// <summary>File-event timestamps carry 3 fraction digits (docs/contracts/incydr.md, Conventions), unlike case timestamps.</summary>
public static class FileEventTime
{
    /// <summary>Formats a UTC time like <c>2025-03-01T22:10:05.117Z</c>.</summary>
    public static string Format(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
