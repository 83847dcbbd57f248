using System.Linq;
using CaseOps.Cmdlets.Cases;
using CaseOps.Http;
using CaseOps.Incydr;
using CaseOps.Paging;

namespace CaseOps.Cmdlets.FileEvents
{
    /// <summary>
    /// Attaches file events to a case. Ids from the pipeline are collected and sent in batches the API
    /// accepts; events already on the case are skipped, so running it twice changes nothing.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "CaseFileEvent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(void))]
    public sealed class AddCaseFileEventCommand : IncydrCmdlet
    {
        private CaseFileEventService? _service;
        private FileEventPrompts? _prompts;
        private readonly Dictionary<string, string> _fileNames = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>The case (piped cases and file events bind by their Number or CaseNumber).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Number")]
        [ValidateRange(1, long.MaxValue)]
        public long CaseNumber { get; set; }

        /// <summary>The file events to attach, one or many ids, also from the pipeline (piped file events bind by their EventId).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] EventId { get; set; } = Array.Empty<string>();

        /// <summary>The pipeline object itself, so a piped case or file event names itself in prompts without a request.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public object? InputObject { get; set; }

        private FileEventPrompts Prompts => _prompts ??= new FileEventPrompts(this, ConfirmImpact.Low);

        private CaseFileEventService FileEvents => _service ??= new CaseFileEventService(ResolveConnection(), RequestLog);

        private readonly Dictionary<long, List<string>> _pending = new Dictionary<long, List<string>>();
        private readonly Dictionary<long, HashSet<string>> _onCase = new Dictionary<long, HashSet<string>>();
        private readonly Dictionary<long, HashSet<string>> _given = new Dictionary<long, HashSet<string>>();

        protected override void ProcessRecord()
        {
            Prompts.Notice(CaseNumber, InputObject);
            var known = AlreadyOnCase(CaseNumber);
            if (known == null)
                return;
            if (!_pending.TryGetValue(CaseNumber, out var pending))
                _pending[CaseNumber] = pending = new List<string>();
            if (!_given.TryGetValue(CaseNumber, out var given))
                _given[CaseNumber] = given = new HashSet<string>(StringComparer.Ordinal);
            foreach (var raw in EventId)
            {
                var id = raw.Trim();
                if (FileEventPrompts.FileNameOf(InputObject, id) is string fileName)
                    _fileNames[id] = fileName;
                if (!given.Add(id))
                    continue; // given twice: sent once
                if (known.Contains(id))
                {
                    WriteVerboseLine($"File event {id} is already on case {CaseNumber}");
                    continue;
                }
                pending.Add(id);
                if (pending.Count == CaseFileEventService.MaxIdsPerRequest)
                    Flush(CaseNumber, pending);
            }
        }

        protected override void EndProcessing()
        {
            foreach (var entry in _pending)
                Flush(entry.Key, entry.Value);
        }

        /// <summary>The ids on the case, read once per case; null when the case cannot be read (an error was written).</summary>
        private HashSet<string>? AlreadyOnCase(long caseNumber)
        {
            if (_onCase.TryGetValue(caseNumber, out var known))
                return known;
            try
            {
                if (!Attempt(() => known = Await(FileEvents.ListIdsAsync(caseNumber, CancellationToken)), CaseProblems.About(caseNumber), CaseProblems.Map))
                    known = null;
            }
            catch (ListingIncompleteException ex)
            {
                // Without the whole list, "already attached" cannot be told: attach nothing to this case.
                WriteError(ListingErrorRecords.Incomplete(ex, $"Reading the file events of case {caseNumber}", caseNumber));
                known = null;
            }
            _onCase[caseNumber] = known!;
            return known;
        }

        private void Flush(long caseNumber, List<string> batch)
        {
            if (batch.Count == 0)
                return;
            var ids = Approved(caseNumber, batch);
            batch.Clear();
            if (ids.Length == 0)
                return;
            var description = ids.Length == 1 ? "file event " + ids[0] : $"{ids.Length} file events ({ids[0]} ... {ids[ids.Length - 1]})";
            Attempt(() =>
            {
                Await(FileEvents.AddAsync(caseNumber, ids, CancellationToken));
                WriteVerboseLine($"Attached {description} to case {caseNumber}");
            }, ex => ErrorRecordFactory.FromApi(ex, ex.StatusCode == 404
                ? new ErrorContext($"A file event for case {caseNumber}", "FileEventNotFound", ids.Length == 1 ? (object)ids[0] : ids)
                : CaseProblems.About(caseNumber, ids), CaseProblems.Map));
        }

        /// <summary>The ids of a batch that -WhatIf and -Confirm let through, each asked about by id and file name.</summary>
        private string[] Approved(long caseNumber, List<string> batch)
        {
            var target = Prompts.Case(caseNumber);
            var approved = new List<string>(batch.Count);
            foreach (var id in batch)
            {
                if (ShouldProcess(target, "Attach " + FileEventPrompts.Event(id, _fileNames.TryGetValue(id, out var name) ? name : null)))
                    approved.Add(id);
            }
            return approved.ToArray();
        }
    }
}
