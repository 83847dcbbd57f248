using System.Management.Automation;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>Creates a ticket state of a given state type (admin).</summary>
    [Cmdlet(VerbsCommon.New, "TicketState", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(TicketState))]
    public sealed class NewTicketStateCommand : NewCatalogRecordCommand
    {
        /// <summary>What kind of state it is: new, open, pending reminder, pending action, closed, merged, removed (name or id).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Tickets.StateTypeCompleter))]
        public string? StateType { get; set; }

        /// <summary>Tickets in this state do not escalate.</summary>
        [Parameter]
        public SwitchParameter IgnoreEscalation { get; set; }

        private protected override CatalogNoun Noun => CatalogNoun.State;

        private protected override Newtonsoft.Json.Linq.JObject? Fields()
        {
            var fields = CommonFields();
            if (IsBound(nameof(IgnoreEscalation))) fields["ignore_escalation"] = IgnoreEscalation.IsPresent;
            return StateType == null || TryResolveInto(fields, "state_type_id", CatalogKind.StateType, StateType) ? fields : null;
        }
    }
}
