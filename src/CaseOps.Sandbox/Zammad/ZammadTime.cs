using System.Globalization;

namespace CaseOps.Sandbox.Zammad;

/// <summary>Zammad timestamps: UTC with exactly three fraction digits and <c>Z</c> (docs/contracts/zammad.md, Conventions).</summary>
public static class ZammadTime
{
    /// <summary>Formats like <c>2026-02-11T09:14:27.318Z</c>.</summary>
    public static string Format(DateTime utc) =>
        utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Formats a nullable time; null stays null.</summary>
    public static string? Format(DateTime? utc) => utc is { } value ? Format(value) : null;

    /// <summary>Cuts a time down to whole milliseconds, the precision the wire carries.</summary>
    public static DateTime TruncateToMilliseconds(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    /// <summary>Parses an ISO 8601 time (any offset) into UTC milliseconds; false when it is not one.</summary>
    public static bool TryParse(string? text, out DateTime utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        utc = TruncateToMilliseconds(parsed.UtcDateTime);
        return true;
    }
}
