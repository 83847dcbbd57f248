using System.Management.Automation;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>Gets ticket priorities: all, by name (wildcards) or by id.</summary>
    [Cmdlet(VerbsCommon.Get, "TicketPriority", DefaultParameterSetName = NameSet)]
    [OutputType(typeof(TicketPriority))]
    public sealed class GetTicketPriorityCommand : GetCatalogRecordCommand
    {
        private protected override CatalogNoun Noun => CatalogNoun.Priority;
    }
}
