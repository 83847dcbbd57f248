using System.Collections;
using CaseOps.Http;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Tickets
{
    /// <summary>
    /// Changes Zammad tickets: the fields named by parameter or -Property, or the properties edited on
    /// a piped Ticket (custom fields included). Only those fields are sent; Zammad updates are partial.
    /// Writes nothing unless -PassThru asks for the updated ticket.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "Ticket", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Ticket))]
    public sealed class SetTicketCommand : ZammadCmdlet
    {
        private const string IdSet = "ById";
        private const string InputObjectSet = "InputObject";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("TicketId")]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        /// <summary>A Ticket whose properties were changed; the changed ones are saved.</summary>
        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Ticket? InputObject { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Title { get; set; }

        /// <summary>The customer: email or login, id, or guess:&lt;email&gt;.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Customer { get; set; }

        /// <summary>Group name or id.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(GroupCompleter))]
        public string? Group { get; set; }

        /// <summary>State name (new, open, closed, ...) or id.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(StateCompleter))]
        public string? State { get; set; }

        /// <summary>Priority name or id.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PriorityCompleter))]
        public string? Priority { get; set; }

        /// <summary>The agent who owns the ticket: login, email or id (1 = unassigned).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(OwnerCompleter))]
        public string? Owner { get; set; }

        /// <summary>Any other field by its Zammad name, custom fields included, e.g. @{ incident_ref = 'IR-7' }.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Property { get; set; }

        /// <summary>Returns the updated ticket; without it, Set-Ticket writes nothing.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var id = InputObject?.Id ?? Id;
            var changes = new TicketChanges();
            // Piped edits first, then the parameters, which name the user's intent most directly.
            if (InputObject != null)
            {
                InputObject.ApplyEditsTo(changes);
                foreach (var field in TicketOutput.EditedCustomFields(InputObject))
                    changes.Fields[field.Key] = field.Value;
            }
            TicketFieldParameters.Apply(changes, Property, Group, State, Priority, Owner);
            if (Title != null) changes.Title = Title;
            if (Customer != null) changes.Customer = Customer;
            if (changes.IsEmpty)
            {
                WriteWarning($"Ticket {id}: nothing to change. Name the fields to change (-State, -Owner, -Property, ...) or edit the properties of the piped ticket.");
                return;
            }
            var service = new TicketService(ResolveConnection(), RequestLog);
            try
            {
                Attempt(() => Update(service, id, changes), TicketProblems.About(id, InputObject));
            }
            catch (ZammadLookupException ex)
            {
                WriteError(TicketProblems.UnknownName(ex, InputObject ?? (object)id));
            }
        }

        private void Update(TicketService service, long id, TicketChanges changes)
        {
            // A piped ticket names itself and holds the old values; an id is read only when the prompt is shown.
            var before = InputObject?.AsReceived() ?? TicketPrompt.ReadIfShown(this, service, id);
            if (!ShouldProcess(TicketPrompt.Target(before, id), TicketPrompt.Update(TicketPrompt.Describe(this, before, changes))))
                return;
            var updated = Await(service.UpdateAsync(id, changes, CancellationToken));
            if (PassThru)
                WriteObject(TicketOutput.ToPSObject(updated));
        }
    }
}
