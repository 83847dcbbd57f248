using CaseOps.Cmdlets.Cases;
using CaseOps.Http;
using CaseOps.Incydr;

namespace CaseOps.Cmdlets.FileEvents
{
    /// <summary>Detaches file events from a case (the events themselves stay in Incydr).</summary>
    [Cmdlet(VerbsCommon.Remove, "CaseFileEvent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class RemoveCaseFileEventCommand : IncydrCmdlet
    {
        private CaseFileEventService? _service;
        private FileEventPrompts? _prompts;

        /// <summary>The case (piped cases and file events bind by their Number or CaseNumber).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Number")]
        [ValidateRange(1, long.MaxValue)]
        public long CaseNumber { get; set; }

        /// <summary>The file events to detach, one or many ids, also from the pipeline (piped file events bind by their EventId).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] EventId { get; set; } = Array.Empty<string>();

        /// <summary>The pipeline object itself, so a piped case or file event names itself in prompts without a request.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public object? InputObject { get; set; }

        private CaseFileEventService FileEvents => _service ??= new CaseFileEventService(ResolveConnection(), RequestLog);

        private FileEventPrompts Prompts => _prompts ??= new FileEventPrompts(this, ConfirmImpact.Medium);

        protected override void ProcessRecord()
        {
            Prompts.Notice(CaseNumber, InputObject);
            foreach (var raw in EventId)
            {
                var id = raw.Trim();
                if (!ShouldProcess(Prompts.Case(CaseNumber), "Detach " + FileEventPrompts.Event(id, FileEventPrompts.FileNameOf(InputObject, id))))
                    continue;
                Attempt(() =>
                {
                    Await(FileEvents.RemoveAsync(CaseNumber, id, CancellationToken));
                    WriteVerboseLine($"Detached file event {id} from case {CaseNumber}");
                },
                // A missing case or event is about the event; a rule (case closed) is about the case.
                ex => ErrorRecordFactory.FromApi(ex, ex.StatusCode == 404 ? FileEventProblems.About(CaseNumber, id) : CaseProblems.About(CaseNumber, id), CaseProblems.Map));
            }
        }
    }
}
