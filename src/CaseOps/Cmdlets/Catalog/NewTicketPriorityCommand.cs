using System.Management.Automation;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>Creates a ticket priority (admin).</summary>
    [Cmdlet(VerbsCommon.New, "TicketPriority", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(TicketPriority))]
    public sealed class NewTicketPriorityCommand : NewCatalogRecordCommand
    {
        /// <summary>Makes it the priority of new tickets that name none.</summary>
        [Parameter]
        public SwitchParameter DefaultCreate { get; set; }

        private protected override CatalogNoun Noun => CatalogNoun.Priority;

        private protected override Newtonsoft.Json.Linq.JObject? Fields()
        {
            var fields = CommonFields();
            if (IsBound(nameof(DefaultCreate))) fields["default_create"] = DefaultCreate.IsPresent;
            return fields;
        }
    }
}
