using System.Globalization;
using System.Text.RegularExpressions;

namespace CaseOps.Sandbox.Incydr;

/// <summary>
/// ISO-8601 instants as docs/contracts/incydr.md, Conventions wants them: written with 6 fraction
/// digits and <c>Z</c>, read with 0–9 fraction digits and <c>Z</c> or a numeric offset. Hand-rolled
/// because the BCL parsers reject more than 7 fraction digits.
/// </summary>
public static partial class IsoInstant
{
    /// <summary>Formats a UTC time like <c>2025-03-04T09:15:27.481920Z</c>.</summary>
    public static string Format(DateTime utc) =>
        utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Formats a nullable UTC time; null stays null.</summary>
    public static string? Format(DateTime? utc) => utc is { } value ? Format(value) : null;

    /// <summary>Cuts a time down to whole microseconds, the precision the wire carries.</summary>
    public static DateTime TruncateToMicroseconds(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);

    /// <summary>Parses an instant; false when the text is not one.</summary>
    public static bool TryParse(string? text, out DateTime utc)
    {
        utc = default;
        if (text is null)
        {
            return false;
        }

        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        int Part(string name) => int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);

        try
        {
            var local = new DateTime(Part("y"), Part("mo"), Part("d"), Part("h"), Part("mi"), Part("s"), DateTimeKind.Unspecified);
            var fraction = match.Groups["f"].Value;
            if (fraction.Length > 0)
            {
                // Ticks are 100 ns: keep 7 digits, drop the rest (truncation, like the store's precision cut).
                var digits = fraction.Length > 7 ? fraction[..7] : fraction.PadRight(7, '0');
                local = local.AddTicks(long.Parse(digits, CultureInfo.InvariantCulture));
            }

            var offset = TimeSpan.Zero;
            var zone = match.Groups["z"].Value;
            if (zone is not ("Z" or "z"))
            {
                var sign = zone[0] == '-' ? -1 : 1;
                var hhmm = zone[1..].Replace(":", string.Empty, StringComparison.Ordinal);
                offset = new TimeSpan(int.Parse(hhmm[..2], CultureInfo.InvariantCulture), int.Parse(hhmm[2..], CultureInfo.InvariantCulture), 0) * sign;
                if (offset.Duration() > TimeSpan.FromHours(18))
                {
                    return false;
                }
            }

            utc = DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            // Month 13, 25 o'clock, before year 1 after the offset, ...
            return false;
        }
    }

    [GeneratedRegex(@"^(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})T(?<h>\d{2}):(?<mi>\d{2}):(?<s>\d{2})(?:\.(?<f>\d{1,9}))?(?<z>[Zz]|[+-]\d{2}:?\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
