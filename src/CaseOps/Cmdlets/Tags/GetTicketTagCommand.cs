using System.Linq;
using CaseOps.Cmdlets.Tickets;
using CaseOps.Http;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Tags
{
    /// <summary>Gets the tags of tickets, in the order they were added.</summary>
    [Cmdlet(VerbsCommon.Get, "TicketTag")]
    [OutputType(typeof(TicketTag))]
    public sealed class GetTicketTagCommand : ZammadCmdlet
    {
        /// <summary>The tickets (piped tickets bind by their Id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1, long.MaxValue)]
        public long[] TicketId { get; set; } = Array.Empty<long>();

        protected override void ProcessRecord()
        {
            var tags = new TagService(ResolveConnection(), RequestLog);
            WriteForEachTicket(TicketId, async id => (await tags.GetTicketTagsAsync(id, CancellationToken).ConfigureAwait(false)).Select(name => new TicketTag(id, name)));
        }
    }
}
