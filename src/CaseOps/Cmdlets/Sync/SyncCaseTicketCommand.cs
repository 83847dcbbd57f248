using System.Collections;
using System.Linq;
using CaseOps.Cmdlets.Cases;
using CaseOps.Connections;
using CaseOps.Incydr;
using CaseOps.Incydr.Models;
using CaseOps.Sync;
using CaseOps.Sync.Models;
using CaseOps.Zammad;

namespace CaseOps.Cmdlets.Sync
{
    /// <summary>
    /// Keeps one Zammad ticket per Incydr case, keyed by a tag set when the ticket is created
    /// (docs/architecture.md, "Sync-CaseTicket"). Needs Zammad always and Incydr for the listing, -Number,
    /// cases piped in from a listing (which lack description and findings) and closed cases' PDFs.
    /// </summary>
    [Cmdlet(VerbsData.Sync, "CaseTicket", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = ListSet)]
    [OutputType(typeof(CaseTicketSyncResult))]
    public sealed class SyncCaseTicketCommand : CaseOpsCmdlet
    {
        private const string ListSet = "List";
        private const string CaseSet = "Case";
        private const string NumberSet = "Number";

        /// <summary>Get-Case's default page: two search batches per page, and the first batch starts with the first page.</summary>
        private const int ListPageSize = 100;

        private readonly List<Case> _pending = new List<Case>();
        private IncydrConnection? _incydr;
        private ZammadConnection? _zammad;
        private CaseTicketSync? _sync;
        private DateTimeOffset? _watermark;
        private bool _failed;
        private DateTimeOffset? _latestQueued;
        private bool _orderWarned;
        private Dictionary<CaseStatus, string>? _states;

        /// <summary>Cases, e.g. from Get-Case.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = CaseSet)]
        [ValidateNotNull]
        public Case? InputObject { get; set; }

        /// <summary>Case numbers, read from Incydr.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NumberSet)]
        [ValidateRange(1, long.MaxValue)]
        public long[] Number { get; set; } = Array.Empty<long>();

        /// <summary>Lists the cases updated at or after this instant (default: the -CheckpointPath watermark, else every case).</summary>
        [Parameter(ParameterSetName = ListSet)]
        public DateTimeOffset UpdatedAfter { get; set; }

        /// <summary>Lists only cases with these statuses.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public CaseStatus[]? Status { get; set; }

        /// <summary>A file that holds the watermark: written after every case, and read by a listing run without -UpdatedAfter.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CheckpointPath { get; set; }

        /// <summary>The Zammad group of new tickets: name or id.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Tickets.GroupCompleter))]
        public string? Group { get; set; }

        /// <summary>The customer of new tickets: email or login, id, or guess:&lt;email&gt;.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? Customer { get; set; }

        /// <summary>The start of the tracking tag; the case number follows it.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidatePattern(@"^[A-Za-z0-9._:-]+$")]
        public string KeyPrefix { get; set; } = CaseTicketKey.DefaultPrefix;

        /// <summary>Ticket states by case status, over the default OPEN = open, CLOSED = closed, ARCHIVED = closed.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? StateMap { get; set; }

        /// <summary>The Incydr connection to use instead of this session's default one.</summary>
        [Parameter]
        [ValidateNotNull]
        public IncydrConnection? IncydrConnection { get; set; }

        /// <summary>The Zammad connection to use instead of this session's default one.</summary>
        [Parameter]
        [ValidateNotNull]
        public ZammadConnection? ZammadConnection { get; set; }

        protected override void BeginProcessing()
        {
            _states = StatesOf(StateMap);
            if (CheckpointPath != null)
                CheckpointPath = GetUnresolvedProviderPathFromPSPath(CheckpointPath);
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ListSet)
            {
                ListCases();
            }
            else if (ParameterSetName == NumberSet)
            {
                foreach (var number in Number)
                    Attempt(() => Enqueue(Await(Cases().GetAsync(number, CancellationToken))), CaseProblems.About(number), CaseProblems.Map);
            }
            else if (InputObject != null)
            {
                Enqueue(InputObject);
            }
        }

        protected override void EndProcessing() => Flush();

        /// <summary>
        /// The cases updated since -UpdatedAfter or the checkpoint, oldest change first, synced batch by batch as the
        /// pages arrive. The range includes the watermark itself: cases changed in the same instant as the last one
        /// done are not skipped, and the one done again is Unchanged.
        /// </summary>
        private void ListCases()
        {
            var since = IsBound(nameof(UpdatedAfter)) ? UpdatedAfter.ToUniversalTime() : ReadCheckpoint();
            if (since != null)
                WriteVerboseLine($"Syncing the cases updated at or after {since.Value:o}.");
            var filter = new CaseFilter { UpdatedAfter = since, Status = Status, SortBy = CaseSortProperty.UpdatedAt };
            Attempt(() => ConsumeStream(Cases().List(filter, new Paging.PageStreamOptions { PageSize = ListPageSize }), "Listing Incydr cases to sync", false, Enqueue),
                new ErrorContext("The case listing", "CaseListFailed", null), CaseProblems.Map);
        }

        private DateTimeOffset? ReadCheckpoint()
        {
            try
            {
                return CheckpointPath == null ? null : CheckpointFile.Read(CheckpointPath);
            }
            catch (Exception ex) when (ex is System.IO.IOException || ex is System.IO.InvalidDataException || ex is UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "InvalidCheckpoint", ErrorCategory.InvalidData, CheckpointPath));
                return null;
            }
        }

        private void Enqueue(Case source)
        {
            // A resumed run starts at the watermark, so it is only safe when cases come oldest change first.
            if (CheckpointPath != null && !_orderWarned && _latestQueued != null && source.UpdatedAt < _latestQueued)
            {
                WriteWarning("The cases do not come in ascending updatedAt order, so the checkpoint may point past a case not yet synced. "
                    + "Pipe Get-Case -SortBy UpdatedAt, or let Sync-CaseTicket list the cases itself.");
                _orderWarned = true;
            }
            if (_latestQueued == null || source.UpdatedAt > _latestQueued)
                _latestQueued = source.UpdatedAt;
            _pending.Add(source);
            if (_pending.Count >= CaseTicketSync.BatchSize)
                Flush();
        }

        /// <summary>One batch: oldest change first, one search for all its tickets, then case by case.</summary>
        private void Flush()
        {
            if (_pending.Count == 0)
                return;
            var batch = _pending.OrderBy(c => c.UpdatedAt).ThenBy(c => c.Number).ToList();
            _pending.Clear();
            IReadOnlyDictionary<long, TrackedTicket>? found = null;
            if (!Attempt(() => found = Await(Sync().FindAsync(batch, CancellationToken)),
                    new ErrorContext("The ticket search for cases " + string.Join(", ", batch.Select(c => c.Number)), "CaseTicketSearchFailed", null)))
            {
                foreach (var source in batch)
                    Fail(source);
                return;
            }
            try
            {
                foreach (var source in batch)
                    SyncOne(source, found!.TryGetValue(source.Number, out var ticket) ? ticket : null);
            }
            catch (ZammadLookupException ex)
            {
                // An unknown -Group would fail every case alike: nothing was sent, and the command stops.
                ThrowTerminatingError(Tickets.TicketProblems.UnknownName(ex, Group));
            }
        }

        private void SyncOne(Case source, TrackedTicket? ticket)
        {
            CaseTicketSyncResult? result = null;
            var done = Attempt(() =>
            {
                var whole = Whole(source, ticket);
                var plan = Await(Sync().SyncAsync(whole, ticket, apply: false, CancellationToken));
                if (plan.Action == CaseTicketSyncAction.Unchanged)
                    result = plan;
                else if (ShouldProcess($"Case {source.Number} '{source.Name}'", Describe(plan)))
                    result = Await(Sync().SyncAsync(whole, ticket, apply: true, CancellationToken));
            }, new ErrorContext($"The ticket of case {source.Number}", "CaseTicketSyncFailed", source));
            if (!done)
            {
                Fail(source);
                return;
            }
            if (result == null)
                return; // declined or -WhatIf: the plan was shown, nothing done
            Advance(source);
            result.Watermark = _watermark;
            // Saved before the result is written: a pipeline stopped by what it hands on to still keeps this case.
            SaveCheckpoint();
            WriteObject(result);
        }

        /// <summary>
        /// A listed case lacks description and findings; the note and its hash need them, so it is read whole, unless
        /// its ticket's last note was written at this same updatedAt.
        /// </summary>
        private Case Whole(Case source, TrackedTicket? ticket) =>
            CaseTicketSync.IsListed(source) && !CaseTicketSync.KnownUnchanged(source, ticket) ? Await(Cases().GetAsync(source.Number, CancellationToken)) : source;

        private static string Describe(CaseTicketSyncResult plan) => plan.Action == CaseTicketSyncAction.Created
            ? "Create a ticket tagged for the case (" + string.Join(", ", plan.Changes) + ")"
            : $"Update ticket #{plan.TicketNumber} ({string.Join(", ", plan.Changes)})";

        // The watermark stops before the first failed case, so a resumed run retries it.
        private void Advance(Case source)
        {
            if (!_failed && (_watermark == null || source.UpdatedAt > _watermark))
                _watermark = source.UpdatedAt;
        }

        private void SaveCheckpoint()
        {
            if (CheckpointPath == null || _watermark == null || _failed)
                return;
            try
            {
                CheckpointFile.Write(CheckpointPath, _watermark.Value);
            }
            catch (Exception ex) when (ex is System.IO.IOException || ex is UnauthorizedAccessException)
            {
                // Going on without a checkpoint would make a cut-off run start from the beginning again.
                ThrowTerminatingError(new ErrorRecord(ex, "CheckpointWriteFailed", ErrorCategory.WriteError, CheckpointPath));
            }
        }

        private void Fail(Case source)
        {
            _failed = true;
            WriteObject(new CaseTicketSyncResult(source.Number, CaseTicketSyncAction.Failed, source.UpdatedAt) { Watermark = _watermark });
        }

        /// <summary>-StateMap as statuses and state names; a key that is no case status, or an empty name, stops the command before anything is sent.</summary>
        private Dictionary<CaseStatus, string>? StatesOf(Hashtable? map)
        {
            if (map == null)
                return null;
            var states = new Dictionary<CaseStatus, string>();
            foreach (DictionaryEntry entry in map)
            {
                var key = entry.Key?.ToString() ?? string.Empty;
                var state = LanguagePrimitives.ConvertTo<string?>(entry.Value);
                if (!Enum.TryParse<CaseStatus>(key, ignoreCase: true, out var status) || !Enum.IsDefined(typeof(CaseStatus), status) || string.IsNullOrWhiteSpace(state))
                {
                    ThrowTerminatingError(new ErrorRecord(new ArgumentException(
                        $"-StateMap maps case statuses (Open, Closed, Archived) to ticket state names; '{key}' = '{state}' is not such a pair."),
                        "InvalidStateMap", ErrorCategory.InvalidArgument, map));
                }
                states[status] = state!.Trim();
            }
            return states;
        }

        private IncydrConnection Incydr() => _incydr ??= (IncydrConnection)new ConnectionResolver(this).Resolve(IncydrConnection, CaseOpsService.Incydr);

        private CaseService Cases() => new CaseService(Incydr(), RequestLog);

        private CaseTicketSync Sync()
        {
            _zammad ??= (ZammadConnection)new ConnectionResolver(this).Resolve(ZammadConnection, CaseOpsService.Zammad);
            return _sync ??= new CaseTicketSync(_zammad, new CaseTicketSyncOptions(Group!, Customer!, KeyPrefix, _states),
                (number, ct) => new CaseSummaryPdf(Incydr(), RequestLog).DownloadAsync(number, ct), RequestLog);
        }
    }
}
