using System.Management.Automation;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>Creates a priority or state (admin).</summary>
    public abstract class NewCatalogRecordCommand : CatalogRecordWriteCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        protected override void ProcessRecord()
        {
            if (Fields() is { } fields)
                Create(Name!, fields);
        }
    }
}
