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
    /// (docs/architecture.md, "Sync-CaseTicket"). Needs Zammad always and Incydr for -Number and for
    /// cases piped in from a listing (which lack description and findings).
    /// </summary>
    [Cmdlet(VerbsData.Sync, "CaseTicket", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = CaseSet)]
    [OutputType(typeof(CaseTicketSyncResult))]
    public sealed class SyncCaseTicketCommand : CaseOpsCmdlet
    {
        private const string CaseSet = "Case";
        private const string NumberSet = "Number";

        private readonly List<Case> _pending = new List<Case>();
        private IncydrConnection? _incydr;
        private ZammadConnection? _zammad;
        private CaseTicketSync? _sync;
        private DateTimeOffset? _watermark;
        private bool _failed;
        private Dictionary<CaseStatus, string>? _states;

        /// <summary>Cases, e.g. from Get-Case.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = CaseSet)]
        [ValidateNotNull]
        public Case? InputObject { get; set; }

        /// <summary>Case numbers, read from Incydr.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NumberSet)]
        [ValidateRange(1, long.MaxValue)]
        public long[] Number { get; set; } = Array.Empty<long>();

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

        protected override void BeginProcessing() => _states = StatesOf(StateMap);

        protected override void ProcessRecord()
        {
            if (ParameterSetName == NumberSet)
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

        private void Enqueue(Case source)
        {
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
                var whole = Whole(source);
                var plan = Await(Sync().SyncAsync(whole, ticket, apply: false, CancellationToken));
                if (plan.Action == CaseTicketSyncAction.Unchanged)
                    result = plan;
                else if (ShouldProcess($"Case {source.Number}", Describe(plan)))
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
            WriteObject(result);
        }

        /// <summary>A listed case lacks description and findings; the note and its hash need them, so it is read whole.</summary>
        private Case Whole(Case source) =>
            source.Description == null && source.Findings == null ? Await(Cases().GetAsync(source.Number, CancellationToken)) : source;

        private static string Describe(CaseTicketSyncResult plan) => plan.Action == CaseTicketSyncAction.Created
            ? "Create a ticket tagged for the case"
            : $"Update ticket #{plan.TicketNumber}: {string.Join(", ", plan.Changes)}";

        // The watermark stops before the first failed case, so a resumed run retries it.
        private void Advance(Case source)
        {
            if (!_failed && (_watermark == null || source.UpdatedAt > _watermark))
                _watermark = source.UpdatedAt;
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

        private CaseService Cases() => new CaseService(_incydr ??= (IncydrConnection)new ConnectionResolver(this).Resolve(IncydrConnection, CaseOpsService.Incydr), RequestLog);

        private CaseTicketSync Sync()
        {
            _zammad ??= (ZammadConnection)new ConnectionResolver(this).Resolve(ZammadConnection, CaseOpsService.Zammad);
            return _sync ??= new CaseTicketSync(_zammad, new CaseTicketSyncOptions(Group!, Customer!, KeyPrefix, _states), RequestLog);
        }
    }
}
