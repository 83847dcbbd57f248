using System.Linq;

namespace CaseOps.Cmdlets.Common
{
    /// <summary>
    /// What every completer of the module offers for the typed text, in one order: the values that start with
    /// it, then those that merely contain it (<c>-State pe</c>: 'pending close', 'pending reminder', then
    /// open), each group in the order given; letter case is ignored. Values with spaces or special
    /// characters come quoted, ready to run.
    /// </summary>
    internal static class CompletionMatches
    {
        public static IEnumerable<CompletionResult> Of(IEnumerable<string> values, string? wordToComplete)
        {
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            // OrderBy is stable: each group keeps the order the values came in.
            return values
                .Where(v => v.IndexOf(typed, StringComparison.OrdinalIgnoreCase) >= 0)
                .OrderBy(v => v.StartsWith(typed, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .Select(v => new CompletionResult(Quote(v), v, CompletionResultType.ParameterValue, v))
                .ToList();
        }

        // A bare word unless PowerShell would read it otherwise; '@' matters only first (splatting), so
        // usernames and e-mail addresses complete unquoted.
        private static string Quote(string value) =>
            value.StartsWith("@", StringComparison.Ordinal) || value.Any(c => char.IsWhiteSpace(c) || "'\"`$(){}[];,|&#<>".IndexOf(c) >= 0)
                ? "'" + value.Replace("'", "''") + "'"
                : value;
    }
}
