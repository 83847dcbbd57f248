using System;
using System.Management.Automation;
using CaseOps.Cmdlets.Cases;
using CaseOps.Cmdlets.Common;
using CaseOps.Http;
using CaseOps.Incydr;

namespace CaseOps.Cmdlets.FileEvents
{
    /// <summary>Detaches file events from a case (the events themselves stay in Incydr).</summary>
    [Cmdlet(VerbsCommon.Remove, "CaseFileEvent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class RemoveCaseFileEventCommand : CaseFileEventChangeCmdlet
    {
        protected override void ProcessRecord()
        {
            foreach (var raw in EventId)
            {
                var id = raw.Trim();
                if (!ShouldProcess($"Case {CaseNumber}", "Detach file event " + id))
                    continue;
                try
                {
                    Await(FileEvents.RemoveAsync(CaseNumber, id, CancellationToken));
                    WriteVerboseLine($"Detached file event {id} from case {CaseNumber}");
                }
                catch (CaseOpsApiException ex)
                {
                    // A missing case or event is about the event; a rule (case closed) is about the case.
                    var context = ex.StatusCode == 404 ? FileEventProblems.About(CaseNumber, id) : CaseProblems.About(CaseNumber, id);
                    WriteApiError(ex, context, CaseProblems.Map);
                }
            }
        }
    }
}
