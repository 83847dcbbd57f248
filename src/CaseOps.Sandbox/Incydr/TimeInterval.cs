namespace CaseOps.Sandbox.Incydr;

/// <summary>A <c>start/end</c> filter interval; both ends inclusive (open in docs/contracts/incydr.md, Conventions; the emulator picks inclusive).</summary>
/// <param name="Start">Earliest matching time (UTC).</param>
/// <param name="End">Latest matching time (UTC).</param>
public sealed record TimeInterval(DateTime Start, DateTime End)
{
    /// <summary>Parses <c>start/end</c>; false when malformed or when start is after end.</summary>
    public static bool TryParse(string text, out TimeInterval? interval)
    {
        interval = null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || text.IndexOf('/', slash + 1) >= 0)
        {
            return false;
        }

        if (!IsoInstant.TryParse(text[..slash], out var start) || !IsoInstant.TryParse(text[(slash + 1)..], out var end) || start > end)
        {
            return false;
        }

        interval = new TimeInterval(start, end);
        return true;
    }

    /// <summary>True when <paramref name="utc"/> lies within the interval.</summary>
    public bool Contains(DateTime utc) => utc >= Start && utc <= End;
}
