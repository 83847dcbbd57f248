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
    public sealed class RemoveCaseFileEventCommand : IncydrCmdlet
    {
        /// <summary>The case (piped file events bind by their CaseNumber).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Number")]
        [ValidateRange(1, long.MaxValue)]
        public long CaseNumber { get; set; }

        /// <summary>One or many file event ids, also from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] EventId { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord()
        {
            CaseFileEventService? service = null;
            foreach (var raw in EventId)
            {
                var id = raw.Trim();
                if (!ShouldProcess($"Case {CaseNumber}", "Detach file event " + id))
                    continue;
                service ??= new CaseFileEventService(ResolveConnection(), RequestLog);
                try
                {
                    Await(service.RemoveAsync(CaseNumber, id, CancellationToken));
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
