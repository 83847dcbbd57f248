using System.Collections;
using CaseOps.Http;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Tickets
{
    /// <summary>
    /// Changes Zammad tickets: the fields named by parameter or -Property, or the properties edited on
    /// a piped Ticket (custom fields included). Only those fields are sent; Zammad updates are partial.
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
            if (!ShouldProcess($"Ticket {id}", "Update " + string.Join(", ", Describe(changes))))
                return;
            try
            {
                Attempt(() => WriteObject(TicketOutput.ToPSObject(Await(new TicketService(ResolveConnection(), RequestLog).UpdateAsync(id, changes, CancellationToken)))), TicketProblems.About(id, InputObject));
            }
            catch (ZammadLookupException ex)
            {
                WriteError(TicketProblems.UnknownName(ex, InputObject ?? (object)id));
            }
        }

        private static System.Collections.Generic.IEnumerable<string> Describe(TicketChanges changes)
        {
            if (changes.Title != null) yield return "title";
            if (changes.Group != null) yield return "group";
            if (changes.State != null) yield return "state";
            if (changes.Priority != null) yield return "priority";
            if (changes.Owner != null) yield return "owner";
            if (changes.Customer != null) yield return "customer";
            foreach (var field in changes.Fields.Keys)
                yield return field;
        }
    }
}
