using System.Management.Automation;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>Deletes a ticket state (admin); Zammad refuses while tickets use it.</summary>
    [Cmdlet(VerbsCommon.Remove, "TicketState", DefaultParameterSetName = NameSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveTicketStateCommand : RemoveCatalogRecordCommand
    {
        /// <summary>A state from Get-TicketState; only these bind from the pipeline, so a piped ticket never names one.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "InputObject", ValueFromPipeline = true)]
        [ValidateNotNull]
        public TicketState? InputObject { get; set; }

        private protected override ZammadNamedRecord? Piped => InputObject;

        private protected override CatalogNoun Noun => CatalogNoun.State;
    }
}
