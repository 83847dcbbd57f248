using System.Globalization;
using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// Time units on the wire (docs/contracts/zammad.md, Conventions and Time accounting schema): accepted as a JSON number or a decimal string, stored
/// with two decimals (Zammad's column is <c>decimal(10,2)</c>), and answered as a string with at least
/// one decimal (<c>"12.0"</c>, <c>"12.5"</c>, <c>"0.25"</c>), as Rails prints a BigDecimal.
/// </summary>
public static class ZammadTimeUnit
{
    /// <summary>The 422 text for a missing or non-numeric <c>time_unit</c>.</summary>
    public const string Invalid = "Time unit is invalid";

    /// <summary>Parses a node; throws 422 <see cref="Invalid"/> when it is absent or not a number.</summary>
    public static decimal Parse(JsonNode? node)
    {
        if (node is JsonValue value)
        {
            if (value.TryGetValue<decimal>(out var number))
            {
                return Round(number);
            }

            if (value.TryGetValue<string>(out var text)
                && decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
            {
                return Round(parsed);
            }
        }

        throw ZammadFailure.Unprocessable(Invalid);
    }

    /// <summary>Wire form: <c>12.0</c>, <c>12.5</c>, <c>0.25</c>.</summary>
    public static string Format(decimal value) => value.ToString("0.0#", CultureInfo.InvariantCulture);

    /// <summary>Wire form of an optional amount; null stays null.</summary>
    public static string? Format(decimal? value) => value is { } amount ? Format(amount) : null;

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
