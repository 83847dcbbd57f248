using System.Management.Automation;
using CaseOps.Connections;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>Changes a ticket state (admin): its name, state type, note, or whether it is active.</summary>
    [Cmdlet(VerbsCommon.Set, "TicketState", DefaultParameterSetName = NameSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TicketState))]
    public sealed class SetTicketStateCommand : CatalogRecordWriteCmdlet<TicketState>
    {
        private const string NameSet = "ByName";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Tickets.StateCompleter))]
        public string? Name { get; set; }

        /// <summary>The id (piped states bind by their Id).</summary>
        [Parameter(Mandatory = true, ParameterSetName = "ById", ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

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

        private protected override string Noun => "state";
        private protected override CatalogRecordService<TicketState> CreateService(ZammadConnection connection) => new StateService(connection, RequestLog);

        /// <summary>The state fields; null when the state type is unknown (an error was written).</summary>
        private Newtonsoft.Json.Linq.JObject? StateFields()
        {
            var fields = CommonFields();
            if (IsBound(nameof(IgnoreEscalation))) fields["ignore_escalation"] = IgnoreEscalation.IsPresent;
            if (StateType == null)
                return fields;
            try
            {
                fields["state_type_id"] = Await(((StateService)Service).ResolveStateTypeAsync(TicketReference.Parse(StateType), CancellationToken));
                return fields;
            }
            catch (ZammadLookupException ex)
            {
                WriteError(Tickets.TicketProblems.UnknownName(ex, StateType));
            }
            catch (CaseOps.Http.CaseOpsApiException ex)
            {
                WriteApiError(ex, About(StateType));
            }
            return null;
        }

        protected override void ProcessRecord()
        {
            if (!(StateFields() is { } fields))
                return;
            if (NewName != null) fields["name"] = NewName;
            Update(Resolve(Id, Name), Name, fields);
        }
    }
}
