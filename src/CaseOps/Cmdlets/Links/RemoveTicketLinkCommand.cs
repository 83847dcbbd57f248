using System.Linq;
using CaseOps.Cmdlets.Tickets;
using CaseOps.Zammad;

namespace CaseOps.Cmdlets.Links
{
    /// <summary>
    /// Removes the link between two tickets: of the given -LinkType, or whichever links exist when
    /// -LinkType is omitted. A link that does not exist is no error, as on the server.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "TicketLink", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class RemoveTicketLinkCommand : ZammadCmdlet
    {
        /// <summary>What the linked ticket is to -TicketId; omitted, every link between the two goes.</summary>
        // Not from the pipeline: a piped Ticket's own Type property would bind to the alias.
        [Parameter]
        [Alias("Type")]
        [ValidateSet("normal", "parent", "child")]
        public string? LinkType { get; set; }

        /// <summary>The ticket whose link it is (piped links bind by FromTicketId).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FromTicketId")]
        [ValidateRange(1, long.MaxValue)]
        public long TicketId { get; set; }

        /// <summary>The other ticket (its id; piped links bind by their Id).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1, long.MaxValue)]
        public long LinkedTicketId { get; set; }

        protected override void ProcessRecord()
        {
            if (!TicketLinkPair.Check(this, TicketId, LinkedTicketId))
                return;
            var connection = ResolveConnection();
            var links = new LinkService(connection, RequestLog);
            var tickets = new TicketService(connection, RequestLog);
            // Both tickets are read to name them only when the prompt is shown.
            Zammad.Models.Ticket? ticket = null, linked = null;
            if (!Attempt(() => ticket = TicketPrompt.ReadIfShown(this, tickets, TicketId), TicketProblems.About(TicketId))
                || !Attempt(() => linked = TicketPrompt.ReadIfShown(this, tickets, LinkedTicketId), TicketLinkPair.AboutLinked(LinkedTicketId)))
                return;
            Attempt(() =>
            {
                var types = LinkType != null
                    ? new[] { LinkType.ToLowerInvariant() }
                    : Await(links.ListAsync(TicketId, CancellationToken)).Where(l => l.Id == LinkedTicketId).Select(l => l.LinkType).Distinct().ToArray();
                if (types.Length == 0)
                    WriteVerboseLine($"Ticket {TicketId} has no link to ticket {LinkedTicketId}");
                foreach (var type in types)
                {
                    if (!ShouldProcess(TicketPrompt.Target(ticket, TicketId), $"Remove the {type} link to {TicketPrompt.Target(linked, LinkedTicketId)}"))
                        continue;
                    var removed = Await(links.RemoveAsync(TicketId, type, LinkedTicketId, CancellationToken));
                    WriteVerboseLine(removed == 0 ? $"Ticket {TicketId} had no {type} link to ticket {LinkedTicketId}" : $"Removed the {type} link of ticket {TicketId} to ticket {LinkedTicketId}");
                }
            }, TicketProblems.About(TicketId));
        }
    }
}
