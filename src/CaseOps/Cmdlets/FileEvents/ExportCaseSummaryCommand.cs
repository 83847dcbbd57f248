using System.IO;
using System.Management.Automation;
using CaseOps.Cmdlets.Cases;
using CaseOps.Incydr;

namespace CaseOps.Cmdlets.FileEvents
{
    /// <summary>Saves a case's summary report as a PDF file.</summary>
    [Cmdlet(VerbsData.Export, "CaseSummary", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportCaseSummaryCommand : CaseExportCmdlet
    {
        /// <summary>The report's language, e.g. en or de; the tenant's when omitted.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Language { get; set; }

        protected override void ProcessRecord() =>
            Download("case summary", CaseExportService.SummaryFileName(CaseNumber), AboutCase, CaseProblems.Map,
                (target, progress, ct) => Exports.ExportSummaryAsync(CaseNumber, Language, target, progress, ct));
    }
}
