using System.Management.Automation;
using CaseOps.Connections;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>Changes a ticket state (admin): its name, state type, note, or whether it is active.</summary>
    [Cmdlet(VerbsCommon.Set, "TicketState", DefaultParameterSetName = NameSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TicketState))]
    public sealed class SetTicketStateCommand : TicketStateWriteCmdlet
    {
        private const string NameSet = "ByName";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Tickets.CatalogRecordNameCompleter))]
        public string? Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = "ById")]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        /// <summary>A state from Get-TicketState; only these bind from the pipeline.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "InputObject", ValueFromPipeline = true)]
        [ValidateNotNull]
        public TicketState? InputObject { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NewName { get; set; }

        /// <summary>What kind of state it is: new, open, pending reminder, pending action, closed, merged, removed (name or id).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Tickets.StateTypeCompleter))]
        public string? StateType { get; set; }

        private protected override string? StateTypeText => StateType;

        protected override void ProcessRecord()
        {
            if (!(StateFields() is { } fields))
                return;
            if (NewName != null) fields["name"] = NewName;
            Update(InputObject?.Id ?? Resolve(Id, Name), InputObject?.Name ?? Name, fields);
        }
    }
}
