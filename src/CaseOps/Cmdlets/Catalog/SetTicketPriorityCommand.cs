using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>Changes a ticket priority (admin): its name, note, or whether it is active; sends only what is given.</summary>
    [Cmdlet(VerbsCommon.Set, "TicketPriority", DefaultParameterSetName = CatalogRecords.NameSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TicketPriority))]
    public sealed class SetTicketPriorityCommand : ZammadCmdlet
    {
        /// <summary>A priority from Get-TicketPriority; only these bind from the pipeline, so a piped ticket never names one.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CatalogRecords.InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public TicketPriority? InputObject { get; set; }

        /// <summary>The priority's current name, ignoring letter case (digits are taken as an id).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = CatalogRecords.NameSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Tickets.PriorityRecordCompleter))]
        public string? Name { get; set; }

        /// <summary>The priority's id.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CatalogRecords.IdSet)]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        /// <summary>The new name.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NewName { get; set; }

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
            if (NewName != null) fields["name"] = NewName;
            records.Update(InputObject, Id, Name, fields);
        }
    }
}
