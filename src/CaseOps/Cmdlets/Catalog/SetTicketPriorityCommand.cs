using System.Management.Automation;
using CaseOps.Connections;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>Changes a ticket priority (admin): its name, note, or whether it is active.</summary>
    [Cmdlet(VerbsCommon.Set, "TicketPriority", DefaultParameterSetName = NameSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TicketPriority))]
    public sealed class SetTicketPriorityCommand : TicketPriorityWriteCmdlet
    {
        private const string NameSet = "ByName";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Tickets.CatalogRecordNameCompleter))]
        public string? Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = "ById")]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        /// <summary>A priority from Get-TicketPriority; only these bind from the pipeline.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "InputObject", ValueFromPipeline = true)]
        [ValidateNotNull]
        public TicketPriority? InputObject { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NewName { get; set; }


        protected override void ProcessRecord()
        {
            var fields = CommonFields();
            if (NewName != null) fields["name"] = NewName;
            Update(InputObject?.Id ?? Resolve(Id, Name), InputObject?.Name ?? Name, fields);
        }
    }
}
