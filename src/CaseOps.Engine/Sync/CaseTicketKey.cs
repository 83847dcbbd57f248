using System.Globalization;
using System.Text.RegularExpressions;

namespace CaseOps.Sync
{
    /// <summary>
    /// The tracking key of a case's ticket: the tag <c>&lt;prefix&gt;&lt;number&gt;</c> set when the ticket is created, and the
    /// marker line that ends every note the sync writes (docs/architecture.md, "Sync-CaseTicket").
    /// </summary>
    public sealed class CaseTicketKey
    {
        public const string DefaultPrefix = "incydr-case-";
        private const string MarkerStart = "caseops-sync: key=";

        // Anchored on the words, not on line starts: the server may hand a plain-text note back as HTML.
        private static readonly Regex Marker = new Regex(@"caseops-sync: key=(?<key>[^\s<]+) content=(?<hash>[0-9a-f]{16})(?: updated=(?<updated>[0-9TZ:.+-]+))?",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        public CaseTicketKey(string prefix) => Prefix = prefix;

        public string Prefix { get; }

        /// <summary>The tag of case <paramref name="caseNumber"/>, lower case (Zammad compares tags ignoring case).</summary>
        public string Tag(long caseNumber) => (Prefix + caseNumber.ToString(CultureInfo.InvariantCulture)).ToLowerInvariant();

        /// <summary>
        /// A search for every ticket tagged for one of <paramref name="caseNumbers"/>: upper-case OR, each tag quoted
        /// so a search index that splits words at '-' matches it as a phrase (docs/contracts/zammad.md, "Searching tickets").
        /// </summary>
        public string Query(IEnumerable<long> caseNumbers)
        {
            var terms = new List<string>();
            foreach (var number in caseNumbers)
                terms.Add("tags:\"" + Tag(number) + "\"");
            return string.Join(" OR ", terms);
        }

        /// <summary>The marker line: the key, the hash of the content just written, and the case's <c>updatedAt</c> it was read at.</summary>
        public static string MarkerLine(string tag, string contentHash, DateTimeOffset caseUpdatedAt) =>
            MarkerStart + tag + " content=" + contentHash + " updated=" + caseUpdatedAt.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture);

        /// <summary>The last marker in <paramref name="body"/>, or null when it has none.</summary>
        public static SyncMarker? ReadMarker(string body)
        {
            Match? last = null;
            foreach (Match match in Marker.Matches(body))
                last = match;
            if (last == null)
                return null;
            // Markers without updated= (or with one the parser rejects) still identify the ticket; they only cost a case read.
            DateTimeOffset? updated = DateTimeOffset.TryParseExact(last.Groups["updated"].Value, "o", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
                ? at : (DateTimeOffset?)null;
            return new SyncMarker(last.Groups["key"].Value.ToLowerInvariant(), last.Groups["hash"].Value, updated);
        }
    }

    /// <summary>What a sync note's marker says: whose ticket it is, the content written, and the case's <c>updatedAt</c> then.</summary>
    public sealed class SyncMarker
    {
        public SyncMarker(string tag, string contentHash, DateTimeOffset? caseUpdatedAt)
        {
            Tag = tag;
            ContentHash = contentHash;
            CaseUpdatedAt = caseUpdatedAt;
        }

        public string Tag { get; }
        public string ContentHash { get; }
        public DateTimeOffset? CaseUpdatedAt { get; }
    }
}
