using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CaseOps.Downloads
{
    /// <summary>
    /// What the API says a download should be, besides its Content-Length: the size and hashes it
    /// reported for the file (docs/architecture.md, "Downloads"). Each part is optional; what is
    /// missing is not checked.
    /// </summary>
    public sealed class DownloadExpectation
    {
        /// <summary>Nothing beyond Content-Length is known.</summary>
        public static readonly DownloadExpectation None = new DownloadExpectation(null, null, null, null);

        /// <param name="size">The file's size in bytes, or null.</param>
        /// <param name="sha256">Its SHA-256 in hex, or null.</param>
        /// <param name="md5">Its MD5 in hex, or null; only checked when there is no SHA-256.</param>
        /// <param name="source">Where the values come from, for messages, e.g. "the file event".</param>
        public DownloadExpectation(long? size, string? sha256, string? md5, string? source)
        {
            Size = size;
            Sha256 = Normalize(sha256);
            Md5 = Sha256 == null ? Normalize(md5) : null;
            Source = source ?? "the server";
        }

        public long? Size { get; }
        public string? Sha256 { get; }
        public string? Md5 { get; }
        public string Source { get; }

        // A hash the server left empty or sent in another form than hex says nothing to compare with.
        private static string? Normalize(string? hash)
        {
            var text = hash?.Trim();
            if (string.IsNullOrEmpty(text))
                return null;
            foreach (var c in text!)
            {
                if (!Uri.IsHexDigit(c))
                    return null;
            }
            return text.ToLowerInvariant();
        }
    }

    /// <summary>
    /// Hashes a body while it streams, in the buffer it is written from, so a large file is never
    /// read twice. Only the algorithms the expectation needs are run.
    /// </summary>
    internal sealed class StreamingHashes : IDisposable
    {
        private readonly IncrementalHash? _sha256;
        private readonly IncrementalHash? _md5;

        public StreamingHashes(DownloadExpectation expectation)
        {
            if (expectation.Sha256 != null)
                _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
#pragma warning disable CA5351 // MD5 only checks a body against the MD5 the server reported; it protects nothing
            if (expectation.Md5 != null)
                _md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
#pragma warning restore CA5351
        }

        public void Append(byte[] buffer, int count)
        {
            _sha256?.AppendData(buffer, 0, count);
            _md5?.AppendData(buffer, 0, count);
        }

        /// <summary>The hashes of everything appended, in lower-case hex (null for an algorithm not run).</summary>
        public (string? Sha256, string? Md5) Finish() => (Hex(_sha256), Hex(_md5));

        public void Dispose()
        {
            _sha256?.Dispose();
            _md5?.Dispose();
        }

        private static string? Hex(IncrementalHash? hash)
        {
            if (hash == null)
                return null;
            var text = new StringBuilder(64);
            foreach (var b in hash.GetHashAndReset())
                text.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            return text.ToString();
        }
    }

    /// <summary>What a complete download received: its length, Content-Length and the hashes computed while streaming.</summary>
    public sealed class ReceivedBody
    {
        internal ReceivedBody(long bytes, long? contentLength, string? sha256, string? md5)
        {
            Bytes = bytes;
            ContentLength = contentLength;
            Sha256 = sha256;
            Md5 = md5;
        }

        public long Bytes { get; }
        public long? ContentLength { get; }
        public string? Sha256 { get; }
        public string? Md5 { get; }

        /// <summary>
        /// Compares this body with Content-Length and <paramref name="expectation"/>. Throws
        /// <see cref="IntegrityCheckException"/> naming every difference; otherwise returns what was
        /// verified, for the verbose stream.
        /// </summary>
        public string Verify(DownloadExpectation expectation)
        {
            var problems = new List<string>();
            var verified = new List<string>();
            if (ContentLength is long announced)
            {
                if (announced != Bytes)
                    problems.Add($"Content-Length announced {Count(announced)} bytes, received {Count(Bytes)}");
                else
                    verified.Add("Content-Length");
            }
            if (expectation.Size is long size)
            {
                if (size != Bytes)
                    problems.Add($"{expectation.Source} gives the size as {Count(size)} bytes, received {Count(Bytes)}");
                else
                    verified.Add("size");
            }
            Compare("sha256", expectation.Sha256, Sha256, expectation.Source, problems, verified);
            Compare("md5", expectation.Md5, Md5, expectation.Source, problems, verified);
            if (problems.Count > 0)
                throw new IntegrityCheckException(string.Join("; ", problems) + ".");
            return verified.Count == 0
                ? "nothing to verify against"
                : "verified " + string.Join(", ", verified);
        }

        private static void Compare(string name, string? expected, string? received, string source, List<string> problems, List<string> verified)
        {
            if (expected == null)
                return;
            if (!string.Equals(expected, received, StringComparison.Ordinal))
                problems.Add($"{source} gives the {name} as {expected}, received {received ?? "(not computed)"}");
            else
                verified.Add(name);
        }

        private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A download arrived in full (the server said so) but is not the file the API described: its
    /// length or hash differs. Nothing is saved; not retried, since the server answered as if complete.
    /// </summary>
    public sealed class IntegrityCheckException : Exception
    {
        public IntegrityCheckException(string message)
            : base(message)
        {
        }
    }
}
