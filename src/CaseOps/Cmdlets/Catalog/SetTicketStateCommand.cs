using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>Changes a ticket state (admin): its name, state type, note, or whether it is active; sends only what is given.</summary>
    [Cmdlet(VerbsCommon.Set, "TicketState", DefaultParameterSetName = CatalogRecords.NameSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TicketState))]
    public sealed class SetTicketStateCommand : ZammadCmdlet
    {
        /// <summary>A state from Get-TicketState; only these bind from the pipeline, so a piped ticket never names one.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CatalogRecords.InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public TicketState? InputObject { get; set; }

        /// <summary>The state's current name, ignoring letter case (digits are taken as an id).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = CatalogRecords.NameSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Tickets.StateRecordCompleter))]
        public string? Name { get; set; }

        /// <summary>The state's id.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CatalogRecords.IdSet)]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        /// <summary>The new name.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NewName { get; set; }

        /// <summary>What kind of state it is: new, open, pending reminder, pending action, closed, merged, removed (name or id).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Tickets.StateTypeCompleter))]
        public string? StateType { get; set; }

        /// <summary>Tickets in this state do not escalate.</summary>
        [Parameter]
        public SwitchParameter IgnoreEscalation { get; set; }

        /// <summary>A note for admins.</summary>
        [Parameter]
        [AllowNull, AllowEmptyString]
        public string? Note { get; set; }

        /// <summary>-Active:$false hides it from the choices of new tickets.</summary>
        [Parameter]
        public SwitchParameter Active { get; set; }

        protected override void ProcessRecord()
        {
            var records = new CatalogRecords(this, CatalogNoun.State);
            var fields = records.CommonFields(Note, Active);
            if (IsBound(nameof(IgnoreEscalation))) fields["ignore_escalation"] = IgnoreEscalation.IsPresent;
            if (StateType != null && !records.TryResolveInto(fields, "state_type_id", Zammad.CatalogKind.StateType, StateType))
                return;
            if (NewName != null) fields["name"] = NewName;
            records.Update(InputObject, Id, Name, fields);
        }
    }
}
