using System.Management.Automation;
using CaseOps.Connections;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>Creates a ticket priority (admin).</summary>
    [Cmdlet(VerbsCommon.New, "TicketPriority", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(TicketPriority))]
    public sealed class NewTicketPriorityCommand : TicketPriorityWriteCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Makes it the priority of new tickets that name none.</summary>
        [Parameter]
        public SwitchParameter DefaultCreate { get; set; }


        protected override void ProcessRecord()
        {
            var fields = CommonFields();
            if (IsBound(nameof(DefaultCreate))) fields["default_create"] = DefaultCreate.IsPresent;
            Create(Name!, fields);
        }
    }
}
