using System.Management.Automation;
using CaseOps.Connections;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>Deletes a ticket priority (admin); Zammad refuses while tickets use it.</summary>
    [Cmdlet(VerbsCommon.Remove, "TicketPriority", DefaultParameterSetName = NameSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveTicketPriorityCommand : RemoveCatalogRecordCommand<TicketPriority>
    {
        private protected override string Noun => "priority";
        private protected override CatalogRecordService<TicketPriority> CreateService(ZammadConnection connection) => new PriorityService(connection, RequestLog);
    }
}
