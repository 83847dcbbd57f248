using System.Management.Automation;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>Changes a priority or state (admin), given by name, id or from the pipeline; sends only what is given.</summary>
    public abstract class SetCatalogRecordCommand : CatalogRecordWriteCmdlet
    {
        private protected const string NameSet = "ByName";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Tickets.CatalogRecordNameCompleter))]
        public string? Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = "ById")]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        /// <summary>The record piped in: the concrete cmdlet declares -InputObject with its own record type.</summary>
        private protected abstract ZammadNamedRecord? Piped { get; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NewName { get; set; }

        protected override void ProcessRecord()
        {
            if (!(Fields() is { } fields))
                return;
            if (NewName != null) fields["name"] = NewName;
            Update(Piped?.Id ?? Resolve(Id, Name), Piped?.Name ?? Name, fields);
        }
    }
}
