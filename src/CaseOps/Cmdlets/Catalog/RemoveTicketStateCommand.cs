using System.Management.Automation;
using CaseOps.Connections;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>Deletes a ticket state (admin); Zammad refuses while tickets use it.</summary>
    [Cmdlet(VerbsCommon.Remove, "TicketState", DefaultParameterSetName = NameSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveTicketStateCommand : RemoveCatalogRecordCommand<TicketState>
    {
        private protected override string Noun => "state";
        private protected override CatalogRecordService<TicketState> CreateService(ZammadConnection connection) => new StateService(connection, RequestLog);
    }
}
