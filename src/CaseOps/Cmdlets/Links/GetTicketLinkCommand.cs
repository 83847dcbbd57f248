using System.Linq;
using CaseOps.Cmdlets.Tickets;
using CaseOps.Http;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Links
{
    /// <summary>Gets the links of tickets, grouped by type (normal, parent, child); the output pipes into Get-Ticket.</summary>
    [Cmdlet(VerbsCommon.Get, "TicketLink")]
    [OutputType(typeof(TicketLink))]
    public sealed class GetTicketLinkCommand : ZammadCmdlet
    {
        /// <summary>The tickets (piped tickets bind by their Id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1, long.MaxValue)]
        public long[] TicketId { get; set; } = Array.Empty<long>();

        /// <summary>Only links of these types.</summary>
        [Parameter]
        [Alias("Type")]
        [ValidateSet("normal", "parent", "child")]
        public string[]? LinkType { get; set; }

        protected override void ProcessRecord()
        {
            var links = new LinkService(ResolveConnection(), RequestLog);
            WriteForEachTicket(TicketId, async id => (await links.ListAsync(id, CancellationToken).ConfigureAwait(false))
                .Where(link => LinkType == null || LinkType.Contains(link.LinkType, StringComparer.OrdinalIgnoreCase)));
        }
    }
}
