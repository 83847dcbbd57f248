using System.IO;
using System.Linq;
using CaseOps.Http;

namespace CaseOps.Downloads
{
    /// <summary>
    /// Where one download goes: a named file, or a folder plus the server's (or a default) file name.
    /// The body is written to a hidden temporary file in the same folder and renamed only when it is
    /// complete, so the target path never holds a partial file; an existing file is replaced only
    /// when overwriting was asked for.
    /// </summary>
    public sealed class DownloadTarget : IDisposable
    {
        private readonly string _folder;
        private readonly string? _fileName; // null: take the server's name, else the default
        private readonly string _defaultFileName;
        private readonly bool _overwrite;
        private readonly string _tempPath;
        private readonly ISet<string>? _savedBefore;
        private bool _committed;

        private DownloadTarget(string folder, string? fileName, string defaultFileName, bool overwrite, ISet<string>? savedBefore)
        {
            _savedBefore = savedBefore;
            _folder = folder;
            _fileName = fileName;
            _defaultFileName = defaultFileName;
            _overwrite = overwrite;
            _tempPath = Path.Combine(folder, ".caseops-" + Guid.NewGuid().ToString("N") + ".partial");
        }

        /// <summary>The final path, once known (at once for a file target, when the answer arrives for a folder).</summary>
        public string? FinalPath { get; private set; }

        /// <summary>
        /// Checks <paramref name="fullPath"/> before anything is downloaded: an existing folder takes the
        /// file under the server's name; otherwise it names the file, whose folder must exist. Proves
        /// the folder is writable by creating the temporary file. Throws <see cref="DownloadTargetException"/>.
        /// </summary>
        /// <param name="fullPath">The path asked for, made absolute: a folder or a file.</param>
        /// <param name="defaultFileName">The file name to use under a folder: the server's, or the command's fallback.</param>
        /// <param name="overwrite">An existing file may be replaced (never one in <paramref name="savedBefore"/>).</param>
        /// <param name="savedBefore">Paths an earlier download of the same command saved: never replaced, even with <paramref name="overwrite"/>; the committed path is added.</param>
        public static DownloadTarget Prepare(string fullPath, string defaultFileName, bool overwrite, ISet<string>? savedBefore = null)
        {
            DownloadTarget target;
            if (Directory.Exists(fullPath))
            {
                target = new DownloadTarget(fullPath, null, defaultFileName, overwrite, savedBefore);
            }
            else
            {
                var folder = Path.GetDirectoryName(Path.GetFullPath(fullPath));
                if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
                    throw new DownloadTargetException(DownloadProblem.FolderNotFound, fullPath,
                        $"The folder '{folder ?? fullPath}' does not exist.");
                target = new DownloadTarget(folder!, Path.GetFileName(fullPath), defaultFileName, overwrite, savedBefore);
                target.FinalPath = Path.GetFullPath(fullPath);
                target.CheckOverwrite(target.FinalPath);
            }
            target.ProveWritable();
            return target;
        }

        /// <summary>Opens (or reopens, truncating) the temporary file for one attempt; the final name is fixed here.</summary>
        public Stream Open(string? serverFileName)
        {
            if (FinalPath == null)
            {
                FinalPath = Path.Combine(_folder, SafeFileName(serverFileName) ?? _defaultFileName);
                CheckOverwrite(FinalPath);
            }
            return new FileStream(_tempPath, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.SequentialScan);
        }

        /// <summary>What was verified about the committed file (e.g. "verified Content-Length, size, sha256"), once committed.</summary>
        public string? Verification { get; private set; }

        /// <summary>
        /// Streams the answer to <paramref name="request"/> into this target through the connection's
        /// client (its auth, retries and logging), checks it against Content-Length and
        /// <paramref name="expectation"/>, then renames it into place. A body that differs throws
        /// <see cref="IntegrityCheckException"/> and leaves nothing at the target (the temporary file
        /// goes on Dispose).
        /// </summary>
        public async Task<FileInfo> ReceiveAsync(ApiClient api, RestSharp.RestRequest request, StreamingDownloadProgress progress, IRequestLog log, DownloadExpectation? expectation, CancellationToken cancellationToken)
        {
            expectation ??= DownloadExpectation.None;
            var download = new StreamingDownload(Open, cancellationToken, expectation);
            progress.Attach(download);
            await api.DownloadAsync(request, download, log, cancellationToken).ConfigureAwait(false);
            var received = download.Received ?? throw new IOException("The download ended without a complete body.");
            Verification = received.Verify(expectation);
            return Commit();
        }

        /// <summary>Moves the complete file to its final path and returns it.</summary>
        public FileInfo Commit()
        {
            var final = FinalPath ?? throw new InvalidOperationException("Nothing was downloaded.");
            if (File.Exists(final))
            {
                if (!_overwrite)
                    throw new DownloadTargetException(DownloadProblem.Exists, final, ExistsMessage(final));
                File.Replace(_tempPath, final, null);
            }
            else
            {
                File.Move(_tempPath, final);
            }
            _committed = true;
            _savedBefore?.Add(final);
            return new FileInfo(final);
        }

        /// <summary>Removes the temporary file unless the download was committed.</summary>
        public void Dispose()
        {
            if (_committed)
                return;
            try { File.Delete(_tempPath); }
            catch (IOException) { /* best effort: a hidden .partial file is left behind */ }
            catch (UnauthorizedAccessException) { }
        }

        private void ProveWritable()
        {
            try
            {
                using (new FileStream(_tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new DownloadTargetException(DownloadProblem.NotWritable, _folder, $"Cannot write to the folder '{_folder}': {ex.Message}");
            }
        }

        private void CheckOverwrite(string path)
        {
            if (_savedBefore != null && _savedBefore.Contains(path))
                throw new DownloadRefusedException(DownloadProblem.SavedEarlier, path,
                    $"'{path}' was saved earlier by this command and is not replaced, even when overwriting is allowed: two items have this name.");
            if (!_overwrite && File.Exists(path))
                throw new DownloadRefusedException(DownloadProblem.Exists, path, ExistsMessage(path));
            if (Directory.Exists(path))
                throw new DownloadRefusedException(DownloadProblem.IsFolder, path, $"'{path}' is a folder; it cannot be replaced by the download.");
        }

        // The messages name no parameter: the cmdlet layer adds what to pass (docs/architecture.md, "Layers").
        private static string ExistsMessage(string path) => $"The file '{path}' already exists.";

        // The server's name is a suggestion from the network: keep its last segment, without
        // characters this file system does not allow, and never an empty or dot-only name.
        internal static string? SafeFileName(string? name)
        {
            if (string.IsNullOrWhiteSpace(name))
                return null;
            var leaf = name!.Replace('\\', '/').Split('/').Last();
            var invalid = Path.GetInvalidFileNameChars();
            var cleaned = new string(leaf.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim().TrimEnd('.');
            return cleaned.Length == 0 || cleaned.All(c => c == '.' || c == '_') ? null : cleaned;
        }
    }

    /// <summary>Why a download target cannot be used.</summary>
    public enum DownloadProblem
    {
        FolderNotFound,
        NotWritable,
        Exists,
        /// <summary>An earlier download of the same command saved a file under this name.</summary>
        SavedEarlier,
        /// <summary>The target names a folder where a file should go.</summary>
        IsFolder,
    }

    /// <summary>A download target that cannot be used; thrown before anything is downloaded (or, for Exists, before it is renamed).</summary>
    public sealed class DownloadTargetException : IOException
    {
        public DownloadTargetException(DownloadProblem problem, string path, string message)
            : base(message)
        {
            Problem = problem;
            Path = path;
        }

        public DownloadProblem Problem { get; }
        public string Path { get; }
    }
}
