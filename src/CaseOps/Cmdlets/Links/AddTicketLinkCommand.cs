using System.Management.Automation;
using CaseOps.Cmdlets.Common;
using CaseOps.Cmdlets.Tickets;
using CaseOps.Http;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Links
{
    /// <summary>
    /// Links two tickets. -Type says what the linked ticket is to -TicketId, as Get-TicketLink on
    /// -TicketId then shows it: parent, child or normal. Linking twice changes nothing.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "TicketLink", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(TicketLink))]
    public sealed class AddTicketLinkCommand : TicketLinkCmdlet
    {
        [Parameter]
        [ValidateSet("normal", "parent", "child")]
        public string Type { get; set; } = "normal";

        /// <summary>Returns the link as Get-TicketLink shows it.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (!CheckPair())
                return;
            var connection = ResolveConnection();
            var tickets = new TicketService(connection, RequestLog);
            Ticket linked;
            try
            {
                // Both must exist (Zammad reports a missing one only as "No such object!"); the API
                // names the linked ticket by number, which this read also provides.
                Await(tickets.GetAsync(TicketId, expand: false, CancellationToken));
            }
            catch (CaseOpsApiException ex)
            {
                WriteApiError(ex, TicketProblems.About(TicketId));
                return;
            }
            try
            {
                linked = Await(tickets.GetAsync(LinkedTicketId, expand: false, CancellationToken));
            }
            catch (CaseOpsApiException ex)
            {
                WriteApiError(ex, new ErrorContext($"The link target, ticket {LinkedTicketId},", "TicketNotFound", LinkedTicketId));
                return;
            }
            var type = Type.ToLowerInvariant();
            var role = type == "normal" ? "with a normal link" : "as its " + type;
            if (!ShouldProcess($"Ticket {TicketId}", $"Link ticket {LinkedTicketId} (#{linked.Number}) {role}"))
                return;
            var links = new LinkService(connection, RequestLog);
            try
            {
                Await(links.AddAsync(TicketId, type, linked.Number, CancellationToken));
                if (PassThru)
                {
                    foreach (var link in Await(links.ListAsync(TicketId, CancellationToken)))
                        if (link.Id == LinkedTicketId && link.LinkType == type)
                            WriteObject(link);
                }
            }
            catch (CaseOpsApiException ex)
            {
                WriteApiError(ex, TicketProblems.About(TicketId));
            }
        }
    }
}
