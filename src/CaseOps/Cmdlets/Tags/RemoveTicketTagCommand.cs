using System.Management.Automation;
using System.Threading.Tasks;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Tags
{
    /// <summary>Removes tags from tickets. A tag the ticket does not have is no error.</summary>
    [Cmdlet(VerbsCommon.Remove, "TicketTag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Ticket))]
    public sealed class RemoveTicketTagCommand : TicketTagCmdlet
    {
        private protected override string Action => "Remove";

        private protected override Task ChangeAsync(TagService tags, long ticketId, string name) =>
            tags.RemoveTicketTagAsync(ticketId, name, CancellationToken);
    }
}
