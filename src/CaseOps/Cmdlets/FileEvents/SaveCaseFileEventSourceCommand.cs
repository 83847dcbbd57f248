using System.IO;
using CaseOps.Http;
using System.Management.Automation;
using CaseOps.Cmdlets.Common;
using CaseOps.Incydr;

namespace CaseOps.Cmdlets.FileEvents
{
    /// <summary>Saves the source file Incydr captured for a file event on a case.</summary>
    [Cmdlet(VerbsData.Save, "CaseFileEventSource", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveCaseFileEventSourceCommand : CaseDownloadCmdlet
    {
        /// <summary>The file event (piped file events bind by their EventId).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? EventId { get; set; }

        /// <summary>An existing folder (the file gets the captured file's name) or a file path; the current folder when omitted.</summary>
        [Parameter(Position = 2)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        private protected override string? TargetPath => Path;

        // Each event has its own file: a case piped with several events saves each of them.
        private protected override bool OncePerCase => false;

        protected override void ProcessRecord()
        {
            var eventId = EventId!.Trim();
            Download("source file", CaseExportService.SourceFileName(CaseNumber, eventId), FileEventProblems.About(CaseNumber, eventId), null,
                (target, progress, ct) => Exports.SaveSourceAsync(CaseNumber, eventId, target, progress, ct));
        }

        // Incydr answers 404 both for an unknown event and for one whose file was never captured;
        // only its message tells them apart, and the second deserves its own error.
        private protected override ErrorRecord? SpecificError(CaseOpsApiException ex)
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
