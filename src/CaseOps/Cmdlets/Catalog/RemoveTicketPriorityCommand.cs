using System.Management.Automation;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>Deletes a ticket priority (admin); Zammad refuses while tickets use it.</summary>
    [Cmdlet(VerbsCommon.Remove, "TicketPriority", DefaultParameterSetName = NameSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveTicketPriorityCommand : RemoveCatalogRecordCommand
    {
        /// <summary>A priority from Get-TicketPriority; only these bind from the pipeline, so a piped ticket never names one.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "InputObject", ValueFromPipeline = true)]
        [ValidateNotNull]
        public TicketPriority? InputObject { get; set; }

        private protected override ZammadNamedRecord? Piped => InputObject;

        private protected override CatalogNoun Noun => CatalogNoun.Priority;
    }
}
