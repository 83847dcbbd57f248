using CaseOps.Cmdlets.Tickets;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Tags
{
    /// <summary>Adds tags to tickets. A tag the ticket already has is left as it is.</summary>
    [Cmdlet(VerbsCommon.Add, "TicketTag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Ticket))]
    public sealed class AddTicketTagCommand : ZammadCmdlet
    {
        /// <summary>The tickets (piped tickets and ticket tags bind by their Id or TicketId).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1, long.MaxValue)]
        public long[] TicketId { get; set; } = Array.Empty<long>();

        /// <summary>One or more tag names; tab completion searches the helpdesk's tags.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateTagName]
        [ArgumentCompleter(typeof(TagNameCompleter))]
        public string[] Name { get; set; } = Array.Empty<string>();

        /// <summary>Returns each changed ticket.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord() =>
            TicketTagChange.Apply(this, TicketId, Name, PassThru, "Add", (tags, ticketId, name, cancel) => tags.AddTicketTagAsync(ticketId, name, cancel));
    }
}
