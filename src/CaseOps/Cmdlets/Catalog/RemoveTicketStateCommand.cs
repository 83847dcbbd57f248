using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>Deletes a ticket state (admin); Zammad refuses while tickets use it.</summary>
    [Cmdlet(VerbsCommon.Remove, "TicketState", DefaultParameterSetName = CatalogRecords.NameSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveTicketStateCommand : ZammadCmdlet
    {
        /// <summary>The state's name, ignoring letter case (digits are taken as an id).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = CatalogRecords.NameSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Tickets.StateRecordCompleter))]
        public string? Name { get; set; }

        /// <summary>The state's id.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CatalogRecords.IdSet)]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        /// <summary>A state from Get-TicketState; only these bind from the pipeline, so a piped ticket never names one.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CatalogRecords.InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public TicketState? InputObject { get; set; }

        /// <summary>Deletes without asking, as -Confirm:$false does.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord() => new CatalogRecords(this, CatalogNoun.State).Remove(InputObject, Id, Name, Force);
    }
}
