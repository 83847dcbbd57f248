using System;
using System.Linq;
using System.Management.Automation;
using CaseOps.Cmdlets.Common;
using CaseOps.Cmdlets.Tickets;
using CaseOps.Http;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Links
{
    /// <summary>Gets the links of tickets, grouped by type (normal, parent, child); the output pipes into Get-Ticket.</summary>
    [Cmdlet(VerbsCommon.Get, "TicketLink")]
    [OutputType(typeof(TicketLink))]
    public sealed class GetTicketLinkCommand : PerTicketCmdlet
    {
        /// <summary>Only links of these types.</summary>
        [Parameter]
        [ValidateSet("normal", "parent", "child")]
        public string[]? Type { get; set; }

        protected override void ProcessRecord()
        {
            var links = new LinkService(ResolveConnection(), RequestLog);
            WriteForEachTicket(TicketId, async id => (await links.ListAsync(id, CancellationToken).ConfigureAwait(false))
                .Where(link => Type == null || Type.Contains(link.LinkType, StringComparer.OrdinalIgnoreCase)));
        }
    }
}
