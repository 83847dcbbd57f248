using System.Globalization;
using System.IO;

namespace CaseOps.Sync
{
    /// <summary>
    /// The sync watermark on disk (docs/architecture.md, "Sync-CaseTicket"): one ISO 8601 instant. Written to a
    /// temporary file beside the target and then moved over it, so a job killed mid-write leaves the old or the
    /// new watermark, never a torn file.
    /// </summary>
    public static class CheckpointFile
    {
        /// <summary>The watermark in <paramref name="path"/>; null when the file does not exist. Throws <see cref="InvalidDataException"/> for other content.</summary>
        public static DateTimeOffset? Read(string path)
        {
            if (!File.Exists(path))
                return null;
            var text = File.ReadAllText(path).Trim();
            // What this class writes, or an instant written by hand (e.g. 2026-12-01T08:00Z; no zone means UTC).
            if (!DateTimeOffset.TryParseExact(text, "o", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var watermark)
                && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out watermark))
                throw new InvalidDataException($"The checkpoint file '{path}' does not hold a watermark (an ISO 8601 instant such as 2026-12-01T08:30:00.0000000+00:00).");
            return watermark;
        }

        public static void Write(string path, DateTimeOffset watermark)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
            var temp = Path.Combine(folder, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                File.WriteAllText(temp, watermark.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture) + Environment.NewLine);
                if (File.Exists(path))
                    File.Replace(temp, path, null);
                else
                    File.Move(temp, path);
            }
            finally
            {
                if (File.Exists(temp))
                    File.Delete(temp);
            }
        }
    }
}
