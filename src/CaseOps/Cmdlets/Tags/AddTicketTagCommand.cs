using System.Management.Automation;
using System.Threading.Tasks;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Tags
{
    /// <summary>Adds tags to tickets. A tag the ticket already has is left as it is.</summary>
    [Cmdlet(VerbsCommon.Add, "TicketTag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Ticket))]
    public sealed class AddTicketTagCommand : TicketTagCmdlet
    {
        private protected override string Action => "Add";

        private protected override Task ChangeAsync(TagService tags, long ticketId, string name) =>
            tags.AddTicketTagAsync(ticketId, name, CancellationToken);
    }
}
