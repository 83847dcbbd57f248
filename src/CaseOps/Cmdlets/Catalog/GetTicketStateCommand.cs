using System.Management.Automation;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>Gets ticket states: all, by name (wildcards) or by id.</summary>
    [Cmdlet(VerbsCommon.Get, "TicketState", DefaultParameterSetName = NameSet)]
    [OutputType(typeof(TicketState))]
    public sealed class GetTicketStateCommand : GetCatalogRecordCommand
    {
        private protected override CatalogNoun Noun => CatalogNoun.State;
    }
}
