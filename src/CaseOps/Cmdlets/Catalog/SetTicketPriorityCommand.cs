using System.Management.Automation;
using CaseOps.Connections;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>Changes a ticket priority (admin): its name, note, or whether it is active.</summary>
    [Cmdlet(VerbsCommon.Set, "TicketPriority", DefaultParameterSetName = NameSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TicketPriority))]
    public sealed class SetTicketPriorityCommand : SetCatalogRecordCommand<TicketPriority>
    {
        private protected override string Noun => "priority";
        private protected override CatalogRecordService<TicketPriority> CreateService(ZammadConnection connection) => new PriorityService(connection, RequestLog);
    }
}
