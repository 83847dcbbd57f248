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
            Ticket linked;
            try
            {
                // The API names the linked ticket by number; reading it also proves it exists.
                linked = Await(new TicketService(connection, RequestLog).GetAsync(LinkedTicketId, expand: false, CancellationToken));
            }
            catch (CaseOpsApiException ex)
            {
                WriteApiError(ex, new ErrorContext($"The link target, ticket {LinkedTicketId},", "TicketNotFound", LinkedTicketId));
                return;
            }
            var type = Type.ToLowerInvariant();
            if (!ShouldProcess($"Ticket {TicketId}", $"Link ticket {LinkedTicketId} (#{linked.Number}) as its {type}"))
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
