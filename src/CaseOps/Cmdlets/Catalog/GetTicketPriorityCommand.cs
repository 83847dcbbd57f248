using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>Gets ticket priorities: all, by name (wildcards) or by id.</summary>
    [Cmdlet(VerbsCommon.Get, "TicketPriority", DefaultParameterSetName = CatalogRecords.NameSet)]
    [OutputType(typeof(TicketPriority))]
    public sealed class GetTicketPriorityCommand : ZammadCmdlet
    {
        /// <summary>The priority names; wildcards are allowed and letter case is ignored.</summary>
        [Parameter(Position = 0, ParameterSetName = CatalogRecords.NameSet)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(Tickets.PriorityRecordCompleter))]
        public string[]? Name { get; set; }

        /// <summary>The priority ids.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CatalogRecords.IdSet)]
        [ValidateRange(1, long.MaxValue)]
        public long[]? Id { get; set; }

        protected override void ProcessRecord() => new CatalogRecords(this, CatalogNoun.Priority).Write(Id, Name);
    }
}
