using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>Gets ticket states: all, by name (wildcards) or by id.</summary>
    [Cmdlet(VerbsCommon.Get, "TicketState", DefaultParameterSetName = CatalogRecords.NameSet)]
    [OutputType(typeof(TicketState))]
    public sealed class GetTicketStateCommand : ZammadCmdlet
    {
        /// <summary>The state names; wildcards are allowed and letter case is ignored.</summary>
        [Parameter(Position = 0, ParameterSetName = CatalogRecords.NameSet)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(Tickets.StateRecordCompleter))]
        public string[]? Name { get; set; }

        /// <summary>The state ids.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CatalogRecords.IdSet)]
        [ValidateRange(1, long.MaxValue)]
        public long[]? Id { get; set; }

        protected override void ProcessRecord() => new CatalogRecords(this, CatalogNoun.State).Write(Id, Name);
    }
}
