using System.Management.Automation;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>Changes a priority or state (admin), given by name, id or from the pipeline; sends only what is given.</summary>
    public abstract class SetCatalogRecordCommand<T> : CatalogRecordWriteCmdlet<T> where T : ZammadNamedRecord
    {
        private protected const string NameSet = "ByName";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Tickets.CatalogRecordNameCompleter))]
        public string? Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = "ById")]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        /// <summary>A priority or state from Get-TicketPriority or Get-TicketState; only these bind from the pipeline.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "InputObject", ValueFromPipeline = true)]
        [ValidateNotNull]
        public T? InputObject { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NewName { get; set; }

        protected override void ProcessRecord()
        {
            if (!(Fields() is { } fields))
                return;
            if (NewName != null) fields["name"] = NewName;
            Update(InputObject?.Id ?? Resolve(Id, Name), InputObject?.Name ?? Name, fields);
        }
    }
}
