using System.IO;
using CaseOps.Cmdlets.Cases;
using CaseOps.Incydr;

namespace CaseOps.Cmdlets.FileEvents
{
    /// <summary>Saves a whole case as one ZIP file: summary PDF, file events CSV and captured source files.</summary>
    [Cmdlet(VerbsData.Export, "Case", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportCaseCommand : IncydrCmdlet
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

        /// <summary>Leaves the summary PDF out.</summary>
        [Parameter] public SwitchParameter ExcludeSummary { get; set; }

        /// <summary>Leaves the file events CSV out.</summary>
        [Parameter] public SwitchParameter ExcludeFileEvents { get; set; }

        /// <summary>Leaves the captured source files out (often most of the size).</summary>
        [Parameter] public SwitchParameter ExcludeFiles { get; set; }

        /// <summary>The summary's language, e.g. en or de; the tenant's when omitted.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Language { get; set; }

        protected override void BeginProcessing()
        {
            if (ExcludeSummary && ExcludeFileEvents && ExcludeFiles)
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("-ExcludeSummary, -ExcludeFileEvents and -ExcludeFiles together leave nothing to export. Leave at least one out."),
                    "NothingToExport", ErrorCategory.InvalidArgument, null));
        }

        protected override void ProcessRecord() =>
            (_downloads ??= new CaseDownloads(this, oncePerCase: true)).Save(CaseNumber, Path, Force, "case export", CaseExportService.CaseFileName(CaseNumber), CaseDownloads.AboutCase(CaseNumber),
                (target, progress, ct) => _downloads.Exports.ExportCaseAsync(CaseNumber, !ExcludeSummary, !ExcludeFileEvents, !ExcludeFiles, Language, target, progress, ct));
    }
}
