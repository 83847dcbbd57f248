using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>Creates a ticket state of a given state type (admin).</summary>
    [Cmdlet(VerbsCommon.New, "TicketState", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(TicketState))]
    public sealed class NewTicketStateCommand : ZammadCmdlet
    {
        /// <summary>The new state's name.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>What kind of state it is: new, open, pending reminder, pending action, closed, merged, removed (name or id).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Tickets.StateTypeCompleter))]
        public string? StateType { get; set; }

        /// <summary>A note for admins.</summary>
        [Parameter]
        [AllowNull, AllowEmptyString]
        public string? Note { get; set; }

        /// <summary>-Active:$false hides it from the choices of new tickets.</summary>
        [Parameter]
        public SwitchParameter Active { get; set; }

        /// <summary>Tickets in this state do not escalate.</summary>
        [Parameter]
        public SwitchParameter IgnoreEscalation { get; set; }

        protected override void ProcessRecord()
        {
            var records = new CatalogRecords(this, CatalogNoun.State);
            var fields = records.CommonFields(Note, Active);
            if (IsBound(nameof(IgnoreEscalation))) fields["ignore_escalation"] = IgnoreEscalation.IsPresent;
            if (StateType != null && !records.TryResolveInto(fields, "state_type_id", Zammad.CatalogKind.StateType, StateType))
                return;
            records.Create(Name!, fields);
        }
    }
}
