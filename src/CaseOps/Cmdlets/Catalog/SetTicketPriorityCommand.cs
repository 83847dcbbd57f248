using System.Management.Automation;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>Changes a ticket priority (admin): its name, note, or whether it is active.</summary>
    [Cmdlet(VerbsCommon.Set, "TicketPriority", DefaultParameterSetName = NameSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TicketPriority))]
    public sealed class SetTicketPriorityCommand : SetCatalogRecordCommand
    {
        /// <summary>A priority from Get-TicketPriority; only these bind from the pipeline, so a piped ticket never names one.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "InputObject", ValueFromPipeline = true)]
        [ValidateNotNull]
        public TicketPriority? InputObject { get; set; }

        private protected override ZammadNamedRecord? Piped => InputObject;

        private protected override CatalogNoun Noun => CatalogNoun.Priority;
    }
}
