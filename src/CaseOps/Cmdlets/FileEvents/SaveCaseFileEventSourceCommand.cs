using System.IO;
using CaseOps.Http;
using CaseOps.Incydr;

namespace CaseOps.Cmdlets.FileEvents
{
    /// <summary>Saves the source file Incydr captured for a file event on a case.</summary>
    [Cmdlet(VerbsData.Save, "CaseFileEventSource", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveCaseFileEventSourceCommand : IncydrCmdlet
    {
        private CaseDownloads? _downloads;

        /// <summary>The case (piped cases and file events bind by their Number or CaseNumber).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Number")]
        [ValidateRange(1, long.MaxValue)]
        public long CaseNumber { get; set; }

        /// <summary>The file event (piped file events bind by their EventId).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? EventId { get; set; }

        /// <summary>An existing folder (the file gets the captured file's name) or a file path; the current folder when omitted.</summary>
        [Parameter(Position = 2)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>Replaces an existing file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>
        /// The event's FileAvailability (piped events from Get-CaseFileEvent bind theirs): decides what
        /// the download is checked against. Unknown when omitted.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? FileAvailability { get; set; }

        protected override void ProcessRecord()
        {
            var eventId = EventId!.Trim();
            var caseNumber = CaseNumber;
            var readEvent = ChecksAgainstEvent(FileAvailability);
            // Each event has its own file: a case piped with several events saves each of them.
            var downloads = _downloads ??= new CaseDownloads(this, oncePerCase: false);
            downloads.Save(caseNumber, Path, Force, "source file", CaseExportService.SourceFileName(caseNumber, eventId),
                ex => NotCaptured(ex) ?? ErrorRecordFactory.FromApi(ex, FileEventProblems.About(caseNumber, eventId)),
                async (target, progress, ct) =>
                {
                    var expectation = readEvent ? await downloads.Exports.SourceExpectationAsync(caseNumber, eventId, ct).ConfigureAwait(false) : null;
                    return await downloads.Exports.SaveSourceAsync(caseNumber, eventId, target, progress, ct, expectation).ConfigureAwait(false);
                },
                readEvent ? RecentFileAdvice : null);
        }

        private const string RecentFileAdvice =
            "If the event's FileAvailability is RECENT_FILE_AVAILABLE, Incydr serves a newer version of the file than the event describes: pipe the event from Get-CaseFileEvent, or pass -FileAvailability RECENT_FILE_AVAILABLE, to check only its Content-Length.";

        // The event's size and hashes describe the exact file it saw (docs/architecture.md,
        // "Downloads"): read them when that is the file served or when nobody said otherwise. A
        // recent version has other bytes, and an event without a captured file has none, so the
        // extra request would tell nothing.
        private static bool ChecksAgainstEvent(string? availability) =>
            string.IsNullOrWhiteSpace(availability) || string.Equals(availability!.Trim(), "EXACT_FILE_AVAILABLE", StringComparison.OrdinalIgnoreCase);

        // Incydr answers 404 both for an unknown event and for one whose file was never captured;
        // only its message tells them apart, and the second deserves its own error.
        private ErrorRecord? NotCaptured(CaseOpsApiException ex)
        {
            if (ex.StatusCode != 404 || ex.ServerMessage == null || ex.ServerMessage.IndexOf("captured", System.StringComparison.OrdinalIgnoreCase) < 0)
                return null;
            return new ErrorRecord(ex, "SourceFileNotCaptured", ErrorCategory.ObjectNotFound, EventId)
            {
                ErrorDetails = new ErrorDetails($"Incydr captured no source file for file event {EventId} on case {CaseNumber}, so there is nothing to save.")
                {
                    RecommendedAction = "Check the event's FileAvailability (Get-CaseFileEvent): only EXACT_FILE_AVAILABLE and RECENT_FILE_AVAILABLE events have a file.",
                },
            };
        }
    }
}
