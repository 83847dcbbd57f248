using System.Linq;
using System.Management.Automation;
using CaseOps.Cmdlets.Common;
using CaseOps.Cmdlets.Tickets;
using CaseOps.Http;
using CaseOps.Zammad;

namespace CaseOps.Cmdlets.Links
{
    /// <summary>
    /// Removes the link between two tickets: of the given -Type, or whichever links exist when -Type
    /// is omitted. A link that does not exist is no error, as on the server.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "TicketLink", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class RemoveTicketLinkCommand : TicketLinkCmdlet
    {
        /// <summary>What the linked ticket is to -TicketId; omitted, every link between the two goes.</summary>
        // Not from the pipeline: a piped Ticket's own Type property would bind to it.
        [Parameter]
        [ValidateSet("normal", "parent", "child")]
        public string? Type { get; set; }

        protected override void ProcessRecord()
        {
            if (!CheckPair())
                return;
            var links = new LinkService(ResolveConnection(), RequestLog);
            try
            {
                var types = Type != null
                    ? new[] { Type.ToLowerInvariant() }
                    : Await(links.ListAsync(TicketId, CancellationToken)).Where(l => l.Id == LinkedTicketId).Select(l => l.LinkType).Distinct().ToArray();
                if (types.Length == 0)
                    WriteVerboseLine($"Ticket {TicketId} has no link to ticket {LinkedTicketId}");
                foreach (var type in types)
                {
                    if (!ShouldProcess($"Ticket {TicketId}", $"Remove the {type} link to ticket {LinkedTicketId}"))
                        continue;
                    var removed = Await(links.RemoveAsync(TicketId, type, LinkedTicketId, CancellationToken));
                    WriteVerboseLine(removed == 0 ? $"Ticket {TicketId} had no {type} link to ticket {LinkedTicketId}" : $"Removed the {type} link of ticket {TicketId} to ticket {LinkedTicketId}");
                }
            }
            catch (CaseOpsApiException ex)
            {
                WriteApiError(ex, TicketProblems.About(TicketId));
            }
        }
    }
}
