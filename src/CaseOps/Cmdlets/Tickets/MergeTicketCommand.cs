using System.Globalization;
using CaseOps.Http;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Tickets
{
    /// <summary>
    /// Merges each piped ticket into one target ticket: Zammad moves the source's articles to the
    /// target, sets the source to "merged" and links the two. Returns the target once, afterwards.
    /// </summary>
    [Cmdlet(VerbsData.Merge, "Ticket", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Ticket))]
    public sealed class MergeTicketCommand : ZammadCmdlet
    {
        private const string MergedState = "merged";
        private TicketService? _service;
        private Ticket? _target;
        private int _merged;

        /// <summary>The tickets to merge away (ids; piped tickets bind by their Id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("TicketId")]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = Array.Empty<long>();

        /// <summary>The ticket that stays: a Ticket, a ticket id, or a ticket number (tried as an id first; '#31001' is a number only).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNull]
        public object? Into { get; set; }

        /// <summary>Merges without asking, as -Confirm:$false does.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void BeginProcessing()
        {
            _service = new TicketService(ResolveConnection(), RequestLog);
            _target = ResolveTarget(_service);
            if (string.Equals(_target.State, MergedState, StringComparison.OrdinalIgnoreCase))
                ThrowTerminatingError(new ErrorRecord(
                    new InvalidOperationException($"Ticket {_target.Id} (#{_target.Number}) is itself merged into another ticket; merge into that one instead."),
                    "TargetAlreadyMerged", ErrorCategory.InvalidOperation, _target));
        }

        protected override void ProcessRecord()
        {
            foreach (var id in Id)
                MergeOne(id);
        }

        protected override void EndProcessing()
        {
            if (_merged == 0)
                return;
            // The merge answer shows the target as it was before; read it again to show it as it is.
            Attempt(() => WriteObject(TicketOutput.ToPSObject(Await(_service!.GetAsync(_target!.Id, expand: true, CancellationToken)))), TicketProblems.About(_target!.Id));
        }

        private void MergeOne(long id)
        {
            var target = _target!;
            if (id == target.Id)
            {
                WriteError(new ErrorRecord(
                    new InvalidOperationException($"Ticket {id} cannot be merged into itself."),
                    "MergeIntoSelf", ErrorCategory.InvalidOperation, id));
                return;
            }
            var about = TicketProblems.About(id);
            about.OutcomeCheck = $"Run Get-Ticket -Id {id}: its State is 'merged' if the merge took effect; merge it again only if it is not.";
            Attempt(() => MergeInto(target, id), about);
        }

        private void MergeInto(Ticket target, long id)
        {
            var source = Await(_service!.GetAsync(id, expand: true, CancellationToken));
            if (string.Equals(source.State, MergedState, StringComparison.OrdinalIgnoreCase))
            {
                WriteError(new ErrorRecord(
                    new InvalidOperationException($"Ticket {id} (#{source.Number}) is already merged; nothing was changed."),
                    "TicketAlreadyMerged", ErrorCategory.InvalidOperation, id));
                return;
            }
            if (!ShouldProcess(TicketPrompt.Target(source), "Merge into " + TicketPrompt.Target(target), Force))
                return;
            var outcome = Await(_service.MergeAsync(id, target.Number, CancellationToken));
            if (!outcome.Succeeded)
            {
                WriteError(new ErrorRecord(
                    new ItemNotFoundException($"Zammad did not merge ticket {id} into #{target.Number}: {outcome.Message ?? "no reason given"}"),
                    "TicketNotFound", ErrorCategory.ObjectNotFound, id));
                return;
            }
            _merged++;
            WriteVerboseLine($"Merged ticket {id} (#{source.Number}) into ticket {target.Id} (#{target.Number})");
        }

        // A Ticket object names itself; a bare value is tried as an id, then as a ticket number.
        private Ticket ResolveTarget(TicketService service)
        {
            // Even a Ticket is read again: its state may have changed since it was fetched.
            var value = Into is PSObject wrapped ? wrapped.BaseObject : Into;
            var raw = value is Ticket ticket ? ticket.Id.ToString(CultureInfo.InvariantCulture) : Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? string.Empty;
            // "#31001" is how Zammad shows ticket numbers: a number, never an id.
            var numberOnly = raw.StartsWith("#", StringComparison.Ordinal);
            var text = raw.TrimStart('#');
            Ticket? found = null;
            try
            {
                if (!numberOnly && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
                {
                    try { found = Await(service.GetAsync(id, expand: true, CancellationToken)); }
                    catch (CaseOpsApiException ex) when (ex.StatusCode == 404) { /* not an id: try it as a number */ }
                }
                if (found == null && !string.IsNullOrEmpty(text))
                    found = Await(service.FindByNumberAsync(text!, CancellationToken));
            }
            catch (CaseOpsApiException ex)
            {
                ThrowTerminatingError(ErrorRecordFactory.FromApi(ex, new ErrorContext($"Target ticket {text}", "TicketNotFound", Into), null));
            }
            if (found == null)
                ThrowTerminatingError(new ErrorRecord(
                    new ItemNotFoundException($"The target ticket '{text}' was found neither as a ticket id nor as a ticket number. Nothing was merged."),
                    "TicketNotFound", ErrorCategory.ObjectNotFound, Into));
            return found!;
        }
    }
}
