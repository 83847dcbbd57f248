using System;
using System.IO;
using System.Management.Automation;
using CaseOps.Cmdlets.Cases;
using CaseOps.Incydr;

namespace CaseOps.Cmdlets.FileEvents
{
    /// <summary>Saves a whole case as one ZIP file: summary PDF, file events CSV and captured source files.</summary>
    [Cmdlet(VerbsData.Export, "Case", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportCaseCommand : CaseExportCmdlet
    {
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
            Download("case export", CaseExportService.CaseFileName(CaseNumber), AboutCase, CaseProblems.Map,
                (target, progress, ct) => Exports.ExportCaseAsync(CaseNumber, !ExcludeSummary, !ExcludeFileEvents, !ExcludeFiles, Language, target, progress, ct));
    }
}
