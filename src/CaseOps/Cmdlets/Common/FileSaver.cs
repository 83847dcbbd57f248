using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CaseOps.Downloads;
using CaseOps.Http;
using CaseOps.Incydr;

namespace CaseOps.Cmdlets.Common
{
    /// <summary>
    /// Saves downloads for a cmdlet: -Path (a folder or a file name) checked before anything is
    /// fetched, the body streamed to a temporary file and renamed when complete, -Force, progress for
    /// large bodies, the FileInfo written out, and failures reported per item. Files saved by the same
    /// command are never replaced by a later item, -Force or not.
    /// </summary>
    internal sealed class FileSaver
    {
        private static readonly TimeSpan ProgressDelay = TimeSpan.FromSeconds(1);
        private const long ProgressSize = 1024 * 1024;
        private static int _nextActivityId;
        private readonly CaseOpsCmdlet _cmdlet;
        private readonly HashSet<string> _written = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public FileSaver(CaseOpsCmdlet cmdlet) => _cmdlet = cmdlet;

        /// <summary>
        /// Downloads <paramref name="what"/> to <paramref name="path"/> (the current folder when null) and writes
        /// the FileInfo, or an error for this item. A missing or read-only folder stops the command.
        /// <c>integrityAdvice</c> says what to do about a body that fails its check, beyond fetching it again (null: nothing more).
        /// </summary>
        public void Save(string? path, bool force, string what, string defaultFileName,
            Func<DownloadTarget, StreamingDownloadProgress, CancellationToken, Task<FileInfo>> start,
            Func<CaseOpsApiException, ErrorRecord> describeApiError, string? integrityAdvice = null)
        {
            var fullPath = _cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path ?? ".");
            if (!_cmdlet.ShouldProcess(fullPath, "Save " + what))
                return;
            DownloadTarget target;
            try
            {
                // Files this command saved are never replaced by a later item, -Force or not: two
                // pieces of evidence with one name must not silently become one.
                target = DownloadTarget.Prepare(fullPath, defaultFileName, force, _written);
            }
            catch (DownloadTargetException ex) when (ex.Problem != DownloadProblem.Exists)
            {
                var (id, category) = ex.Problem == DownloadProblem.FolderNotFound
                    ? ("FolderNotFound", ErrorCategory.ObjectNotFound)
                    : ("PathNotWritable", ErrorCategory.PermissionDenied);
                _cmdlet.ThrowTerminatingError(new ErrorRecord(ex, id, category, fullPath) { ErrorDetails = new ErrorDetails(Message(ex.Problem, ex.Path, ex)) });
                return;
            }
            catch (DownloadRefusedException ex)
            {
                _cmdlet.WriteError(FileExists(ex, ex.Problem, ex.Path));
                return;
            }

            using (target)
            {
                var progress = new StreamingDownloadProgress();
                var record = new ProgressRecord(Interlocked.Increment(ref _nextActivityId), "Saving " + what, "Waiting for the server");
                var watch = Stopwatch.StartNew();
                var shown = false;
                try
                {
                    var file = _cmdlet.Await(start(target, progress, _cmdlet.CancellationToken), () => shown |= ShowProgress(record, progress, watch.Elapsed));
                    _written.Add(file.FullName);
                    _cmdlet.WriteVerboseLine($"Saved {what} to {file.FullName} ({file.Length.ToString("N0", CultureInfo.InvariantCulture)} bytes, {target.Verification})");
                    _cmdlet.WriteObject(file);
                }
                catch (DownloadRefusedException ex)
                {
                    _cmdlet.WriteError(FileExists(ex, ex.Problem, ex.Path));
                }
                catch (DownloadTargetException ex)
                {
                    _cmdlet.WriteError(FileExists(ex, ex.Problem, ex.Path));
                }
                catch (IntegrityCheckException ex)
                {
                    _cmdlet.WriteError(IntegrityCheckFailed(ex, what, target.FinalPath ?? fullPath, integrityAdvice));
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    // The local side failed (disk full, file locked): not retried, as the server did nothing wrong.
                    _cmdlet.WriteError(new ErrorRecord(ex, "WriteFailed", ErrorCategory.WriteError, target.FinalPath ?? fullPath)
                    {
                        ErrorDetails = new ErrorDetails($"Saving {what} to '{target.FinalPath ?? fullPath}' failed: {ex.Message}"),
                    });
                }
                catch (CaseOpsApiException ex)
                {
                    _cmdlet.WriteApiError(describeApiError(ex));
                }
                finally
                {
                    if (shown)
                    {
                        record.RecordType = ProgressRecordType.Completed;
                        _cmdlet.WriteProgress(record);
                    }
                }
            }
        }

        // Large or slow bodies only: a 40 KB PDF should not flash a progress bar.
        private bool ShowProgress(ProgressRecord record, StreamingDownloadProgress progress, TimeSpan elapsed)
        {
            var total = progress.TotalBytes;
            if (elapsed < ProgressDelay && (total ?? 0) < ProgressSize)
                return false;
            var received = progress.BytesReceived;
            record.StatusDescription = total is long t
                ? string.Format(CultureInfo.InvariantCulture, "{0:N1} of {1:N1} MB", received / 1048576.0, t / 1048576.0)
                : string.Format(CultureInfo.InvariantCulture, "{0:N1} MB", received / 1048576.0);
            record.PercentComplete = total is long all && all > 0 ? (int)Math.Min(100, received * 100 / all) : -1;
            _cmdlet.WriteProgress(record);
            return true;
        }

        // The server said the body was complete, yet it is not the file the API described: a proxy or
        // the server altered it. Nothing is kept (docs/architecture.md, "Downloads").
        private static ErrorRecord IntegrityCheckFailed(IntegrityCheckException ex, string what, string path, string? advice) =>
            new ErrorRecord(ex, "IntegrityCheckFailed", ErrorCategory.InvalidResult, path)
            {
                ErrorDetails = new ErrorDetails($"The {what} downloaded for '{path}' failed its integrity check, so nothing was saved: {ex.Message}")
                {
                    RecommendedAction = "Run the command again to download it again; if it fails the same way, the server or a proxy on the way alters the file."
                        + (advice == null ? string.Empty : " " + advice),
                },
            };

        private static ErrorRecord FileExists(Exception ex, DownloadProblem problem, string path) =>
            new ErrorRecord(ex, "FileExists", ErrorCategory.ResourceExists, path)
            {
                ErrorDetails = new ErrorDetails(Message(problem, path, ex)) { RecommendedAction = "Use -Force to replace the file, or give another -Path." },
            };

        // The engine says what is wrong with the target; the parameters that fix it are named here
        // (docs/architecture.md, "Layers").
        private static string Message(DownloadProblem problem, string path, Exception ex)
        {
            switch (problem)
            {
                case DownloadProblem.FolderNotFound: return ex.Message + " Create it first, or give an existing folder as -Path.";
                case DownloadProblem.Exists: return ex.Message + " Use -Force to replace it.";
                case DownloadProblem.SavedEarlier:
                    return $"'{path}' was saved earlier by this command and is not replaced, even with -Force: two items have this name. Save them into separate folders.";
                default: return ex.Message;
            }
        }
    }
}
