using System.Linq;

namespace CaseOps.Incydr
{
    /// <summary>
    /// The usernames closest to one that was not found, for the error message: names that start with it
    /// first, then names that contain it, then names a few typing mistakes away (edit distance), letter case aside.
    /// </summary>
    internal static class UserMatch
    {
        public static IReadOnlyList<string> Closest(string typed, IEnumerable<string> usernames, int most)
        {
            var wanted = typed.Trim().ToLowerInvariant();
            if (wanted.Length == 0)
                return Array.Empty<string>();
            return usernames
                .Select(name => (Name: name, Rank: Rank(wanted, name.ToLowerInvariant())))
                .Where(m => m.Rank < int.MaxValue)
                .OrderBy(m => m.Rank)
                .ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
                .Take(most)
                .Select(m => m.Name)
                .ToList();
        }

        // 0: prefix; 1: substring; 2 + distance: a near miss; int.MaxValue: no match. With an '@' typed, the parts before
        // and after it are compared separately, so a shared domain does not make every name of it a near miss.
        private static int Rank(string wanted, string name)
        {
            if (name.StartsWith(wanted, StringComparison.Ordinal))
                return 0;
            if (name.IndexOf(wanted, StringComparison.Ordinal) >= 0)
                return 1;
            var (wantedLocal, wantedDomain) = Split(wanted);
            var (nameLocal, nameDomain) = Split(name);
            var distance = wantedDomain == null
                ? Math.Min(Distance(wanted, name), Distance(wanted, nameLocal))
                : Distance(wantedLocal, nameLocal) + Distance(wantedDomain, nameDomain ?? string.Empty);
            // A third of the typed name, at least one letter, may be wrong: 'alcie' finds 'alice', 'dave' does not.
            return distance <= Math.Max(1, wantedLocal.Length / 3) ? 2 + distance : int.MaxValue;
        }

        private static (string Local, string? Domain) Split(string username)
        {
            var at = username.LastIndexOf('@');
            return at < 0 ? (username, null) : (username.Substring(0, at), username.Substring(at + 1));
        }

        /// <summary>Levenshtein distance with an adjacent swap counting once (optimal string alignment).</summary>
        internal static int Distance(string a, string b)
        {
            var previous2 = new int[b.Length + 1];
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
                previous[j] = j;
            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    var best = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                        best = Math.Min(best, previous2[j - 2] + 1);
                    current[j] = best;
                }
                (previous2, previous, current) = (previous, current, previous2);
            }
            return previous[b.Length];
        }
    }
}
