using System.Management.Automation;
using CaseOps.Connections;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>Creates a ticket state of a given state type (admin).</summary>
    [Cmdlet(VerbsCommon.New, "TicketState", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(TicketState))]
    public sealed class NewTicketStateCommand : CatalogRecordWriteCmdlet<TicketState>
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>What kind of state it is: new, open, pending reminder, pending action, closed, merged, removed (name or id).</summary>
        [Parameter(Mandatory = true, Position = 1)]
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
            if (StateFields() is { } fields)
                Create(Name!, fields);
        }
    }
}
