using System.Linq;

namespace CaseOps.Incydr
{
    /// <summary>A user id or username Incydr does not know; nothing was sent to the case endpoints.</summary>
    public sealed class IncydrUserNotFoundException : Exception
    {
        public IncydrUserNotFoundException(string value, IReadOnlyList<string> closeMatches)
            : base(FormatMessage(value, closeMatches))
        {
            Value = value;
            CloseMatches = closeMatches;
        }

        /// <summary>The id or username as given.</summary>
        public string Value { get; }

        /// <summary>Usernames like the one given, closest first; empty when none is close.</summary>
        public IReadOnlyList<string> CloseMatches { get; }

        private static string FormatMessage(string value, IReadOnlyList<string> closeMatches) =>
            closeMatches.Count == 0
                ? $"Incydr has no user with the id or username '{value}'."
                : $"Incydr has no user with the id or username '{value}'. Close matches: {string.Join(", ", closeMatches.Select(m => "'" + m + "'"))}.";
    }
}
