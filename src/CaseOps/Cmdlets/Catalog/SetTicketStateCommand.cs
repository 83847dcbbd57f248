using System.Management.Automation;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>Changes a ticket state (admin): its name, state type, note, or whether it is active.</summary>
    [Cmdlet(VerbsCommon.Set, "TicketState", DefaultParameterSetName = NameSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TicketState))]
    public sealed class SetTicketStateCommand : SetCatalogRecordCommand
    {
        /// <summary>What kind of state it is: new, open, pending reminder, pending action, closed, merged, removed (name or id).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Tickets.StateTypeCompleter))]
        public string? StateType { get; set; }

        /// <summary>Tickets in this state do not escalate.</summary>
        [Parameter]
        public SwitchParameter IgnoreEscalation { get; set; }

        /// <summary>A state from Get-TicketState; only these bind from the pipeline, so a piped ticket never names one.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "InputObject", ValueFromPipeline = true)]
        [ValidateNotNull]
        public TicketState? InputObject { get; set; }

        private protected override ZammadNamedRecord? Piped => InputObject;

        private protected override CatalogNoun Noun => CatalogNoun.State;

        private protected override Newtonsoft.Json.Linq.JObject? Fields()
        {
            var fields = CommonFields();
            if (IsBound(nameof(IgnoreEscalation))) fields["ignore_escalation"] = IgnoreEscalation.IsPresent;
            return StateType == null || TryResolveInto(fields, "state_type_id", CatalogKind.StateType, StateType) ? fields : null;
        }
    }
}
