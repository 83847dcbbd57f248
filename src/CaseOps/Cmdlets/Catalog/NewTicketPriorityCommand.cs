using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>Creates a ticket priority (admin).</summary>
    [Cmdlet(VerbsCommon.New, "TicketPriority", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(TicketPriority))]
    public sealed class NewTicketPriorityCommand : ZammadCmdlet
    {
        /// <summary>The new priority's name.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Makes it the priority of new tickets that name none.</summary>
        [Parameter]
        public SwitchParameter DefaultCreate { get; set; }

        /// <summary>A note for admins.</summary>
        [Parameter]
        [AllowNull, AllowEmptyString]
        public string? Note { get; set; }

        /// <summary>-Active:$false hides it from the choices of new tickets.</summary>
        [Parameter]
        public SwitchParameter Active { get; set; }

        protected override void ProcessRecord()
        {
            var records = new CatalogRecords(this, CatalogNoun.Priority);
            var fields = records.CommonFields(Note, Active);
            if (IsBound(nameof(DefaultCreate))) fields["default_create"] = DefaultCreate.IsPresent;
            records.Create(Name!, fields);
        }
    }
}
