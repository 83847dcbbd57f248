using System.Management.Automation;
using CaseOps.Connections;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>What New-TicketState and Set-TicketState share: the state type by name or id, escalation.</summary>
    public abstract class TicketStateWriteCmdlet : CatalogRecordWriteCmdlet<TicketState>
    {
        /// <summary>Tickets in this state do not escalate.</summary>
        [Parameter]
        public SwitchParameter IgnoreEscalation { get; set; }

        /// <summary>-StateType as given: mandatory on New-TicketState, optional on Set-TicketState.</summary>
        private protected abstract string? StateTypeText { get; }

        private protected override string Noun => "state";

        private protected override CatalogRecordService<TicketState> CreateService(ZammadConnection connection) => new StateService(connection, RequestLog);

        /// <summary>The state fields; null when the state type is unknown (an error was written).</summary>
        private protected Newtonsoft.Json.Linq.JObject? StateFields()
        {
            var fields = CommonFields();
            if (IsBound(nameof(IgnoreEscalation))) fields["ignore_escalation"] = IgnoreEscalation.IsPresent;
            if (StateTypeText == null)
                return fields;
            try
            {
                fields["state_type_id"] = Await(((StateService)Service).ResolveStateTypeAsync(TicketReference.Parse(StateTypeText), CancellationToken));
                return fields;
            }
            catch (ZammadLookupException ex)
            {
                WriteError(Tickets.TicketProblems.UnknownName(ex, StateTypeText));
            }
            catch (CaseOps.Http.CaseOpsApiException ex)
            {
                WriteApiError(ex, About(StateTypeText));
            }
            return null;
        }
    }
}
