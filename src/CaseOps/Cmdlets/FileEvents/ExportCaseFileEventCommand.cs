using System.IO;
using CaseOps.Cmdlets.Cases;
using CaseOps.Incydr;

namespace CaseOps.Cmdlets.FileEvents
{
    /// <summary>Saves the file events of a case as a CSV file.</summary>
    [Cmdlet(VerbsData.Export, "CaseFileEvent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportCaseFileEventCommand : IncydrCmdlet
    {
        private CaseDownloads? _downloads;

        /// <summary>The case (piped cases and file events bind by their Number or CaseNumber).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Number")]
        [ValidateRange(1, long.MaxValue)]
        public long CaseNumber { get; set; }

        /// <summary>An existing folder (the file gets the server's name) or a file path; the current folder when omitted.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>Replaces an existing file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord() =>
            (_downloads ??= new CaseDownloads(this, oncePerCase: true)).Save(CaseNumber, Path, Force, "file event list", CaseExportService.FileEventsFileName(CaseNumber), CaseDownloads.AboutCase(CaseNumber),
                (target, progress, ct) => _downloads.Exports.ExportFileEventsAsync(CaseNumber, target, progress, ct));
    }
}
