using System.Security.Cryptography;
using System.Text;
using CaseOps.Incydr.Models;

namespace CaseOps.Sync
{
    /// <summary>
    /// A short fingerprint of what the sync writes into notes (description and findings), so the ticket itself
    /// tells whether its last note is current (docs/architecture.md, "Sync-CaseTicket").
    /// </summary>
    public static class CaseContentHash
    {
        public static string Of(Case source)
        {
            // Line ends normalised: the same text copied through another client must not count as a change.
            var text = Normalise(source.Description) + "\0" + Normalise(source.Findings);
            using var sha = SHA256.Create();
            var digest = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
            var hex = new StringBuilder(16);
            for (var i = 0; i < 8; i++)
                hex.Append(digest[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            return hex.ToString();
        }

        private static string Normalise(string? text) => (text ?? string.Empty).Replace("\r\n", "\n").Replace('\r', '\n').Trim();
    }
}
