using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CaseOps.Cmdlets.Cases;
using CaseOps.Cmdlets.Common;
using CaseOps.Downloads;
using CaseOps.Http;
using CaseOps.Incydr;

namespace CaseOps.Cmdlets.FileEvents
{
    /// <summary>
    /// What the case download cmdlets share: case numbers from the pipeline, -Path (a folder or a file
    /// name), -Force, checks before anything is downloaded, progress for large bodies, and FileInfo out.
    /// </summary>
    public abstract class CaseDownloadCmdlet : IncydrCmdlet
    {
        private static readonly TimeSpan ProgressDelay = TimeSpan.FromSeconds(1);
        private const long ProgressSize = 1024 * 1024;
        private static int _nextActivityId;
        private readonly HashSet<string> _written = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<long> _cases = new HashSet<long>();
        private CaseExportService? _service;

        /// <summary>The case (piped cases and file events bind by their Number or CaseNumber).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Number")]
        [ValidateRange(1, long.MaxValue)]
        public long CaseNumber { get; set; }

        /// <summary>-Path of the cmdlet: declared by each, so Save-CaseFileEventSource can put -EventId before it.</summary>
        private protected abstract string? TargetPath { get; }

        /// <summary>True for whole-case exports: a case piped twice (e.g. once per file event) is saved once.</summary>
        private protected virtual bool OncePerCase => true;

        /// <summary>Replaces an existing file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        private protected CaseExportService Exports => _service ??= new CaseExportService(ResolveConnection(), RequestLog);

        /// <summary>
        /// Downloads into the target <see cref="Path"/> names and writes the FileInfo, or an error for this
        /// item. A -Path folder that is missing or read-only stops the command before anything is fetched.
        /// </summary>
        private protected void Download(string what, string defaultFileName, ErrorContext context, ProblemCodeMap? problems,
            Func<DownloadTarget, StreamingDownloadProgress, CancellationToken, Task<FileInfo>> start)
        {
            if (OncePerCase && !_cases.Add(CaseNumber))
            {
                WriteVerboseLine($"Case {CaseNumber} was saved already by this command");
                return;
            }
            var fullPath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(TargetPath ?? ".");
            if (!ShouldProcess(fullPath, "Save " + what))
                return;
            DownloadTarget target;
            try
            {
                // Files this command saved are never replaced by a later item, -Force or not: two
                // pieces of evidence with one name must not silently become one.
                target = DownloadTarget.Prepare(fullPath, defaultFileName, Force.IsPresent, _written);
            }
            catch (DownloadTargetException ex) when (ex.Problem != DownloadProblem.Exists)
            {
                var (id, category) = ex.Problem == DownloadProblem.FolderNotFound
                    ? ("FolderNotFound", ErrorCategory.ObjectNotFound)
                    : ("PathNotWritable", ErrorCategory.PermissionDenied);
                ThrowTerminatingError(new ErrorRecord(ex, id, category, fullPath));
                return;
            }
            catch (DownloadRefusedException ex)
            {
                WriteError(FileExists(ex, ex.Path));
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
                    var file = Await(start(target, progress, CancellationToken), () => shown |= ShowProgress(record, progress, watch.Elapsed));
                    _written.Add(file.FullName);
                    WriteVerboseLine($"Saved {what} to {file.FullName} ({file.Length.ToString("N0", CultureInfo.InvariantCulture)} bytes)");
                    WriteObject(file);
                }
                catch (DownloadRefusedException ex)
                {
                    WriteError(FileExists(ex, ex.Path));
                }
                catch (DownloadTargetException ex)
                {
                    WriteError(FileExists(ex, ex.Path));
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    // The local side failed (disk full, file locked): not retried, as the server did nothing wrong.
                    WriteError(new ErrorRecord(ex, "WriteFailed", ErrorCategory.WriteError, target.FinalPath ?? fullPath)
                    {
                        ErrorDetails = new ErrorDetails($"Saving {what} to '{target.FinalPath ?? fullPath}' failed: {ex.Message}"),
                    });
                }
                catch (CaseOpsApiException ex)
                {
                    if (SpecificError(ex) is { } specific)
                        WriteError(specific);
                    else
                        WriteApiError(ex, context, problems);
                }
                finally
                {
                    if (shown)
                    {
                        record.RecordType = ProgressRecordType.Completed;
                        WriteProgress(record);
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
            WriteProgress(record);
            return true;
        }

        private static ErrorRecord FileExists(Exception ex, string path) =>
            new ErrorRecord(ex, "FileExists", ErrorCategory.ResourceExists, path)
            {
                ErrorDetails = new ErrorDetails(ex.Message) { RecommendedAction = "Use -Force to replace the file, or give another -Path." },
            };

        /// <summary>A more precise record than the status mapping gives, or null.</summary>
        private protected virtual ErrorRecord? SpecificError(CaseOpsApiException ex) => null;

        private protected ErrorContext AboutCase => CaseProblems.About(CaseNumber);
    }
}
