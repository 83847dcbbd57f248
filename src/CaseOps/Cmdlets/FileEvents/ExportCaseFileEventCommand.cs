using System.IO;
using System.Management.Automation;
using CaseOps.Cmdlets.Cases;
using CaseOps.Incydr;

namespace CaseOps.Cmdlets.FileEvents
{
    /// <summary>Saves the file events of a case as a CSV file.</summary>
    [Cmdlet(VerbsData.Export, "CaseFileEvent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportCaseFileEventCommand : CaseExportCmdlet
    {
        protected override void ProcessRecord() =>
            Download("file event list", CaseExportService.FileEventsFileName(CaseNumber), AboutCase, CaseProblems.Map,
                (target, progress, ct) => Exports.ExportFileEventsAsync(CaseNumber, target, progress, ct));
    }
}
