using CaseOps.Cmdlets.Tickets;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Tags
{
    /// <summary>Removes tags from tickets. A tag the ticket does not have is no error.</summary>
    [Cmdlet(VerbsCommon.Remove, "TicketTag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Ticket))]
    public sealed class RemoveTicketTagCommand : ZammadCmdlet
    {
        /// <summary>The tickets (piped tickets and ticket tags bind by their Id or TicketId).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1, long.MaxValue)]
        public long[] TicketId { get; set; } = Array.Empty<long>();

        /// <summary>One or more tag names; tab completion offers the tags the given tickets have.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateTagName]
        [ArgumentCompleter(typeof(TicketTagNameCompleter))]
        public string[] Name { get; set; } = Array.Empty<string>();

        /// <summary>Returns each changed ticket.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord() =>
            TicketTagChange.Apply(this, TicketId, Name, PassThru, "Remove", (tags, ticketId, name, cancel) => tags.RemoveTicketTagAsync(ticketId, name, cancel));
    }
}
