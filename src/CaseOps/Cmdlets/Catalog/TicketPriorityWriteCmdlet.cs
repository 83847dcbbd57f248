using System.Management.Automation;
using CaseOps.Connections;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>What New-TicketPriority and Set-TicketPriority share.</summary>
    public abstract class TicketPriorityWriteCmdlet : CatalogRecordWriteCmdlet<TicketPriority>
    {
        private protected override string Noun => "priority";

        private protected override CatalogRecordService<TicketPriority> CreateService(ZammadConnection connection) => new PriorityService(connection, RequestLog);
    }
}
