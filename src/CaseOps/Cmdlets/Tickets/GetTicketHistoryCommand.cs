using CaseOps.Http;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Tickets
{
    /// <summary>Gets the history of tickets: who changed what, when, from which value to which, oldest first.</summary>
    [Cmdlet(VerbsCommon.Get, "TicketHistory")]
    [OutputType(typeof(TicketHistoryEntry))]
    public sealed class GetTicketHistoryCommand : ZammadCmdlet
    {
        /// <summary>The tickets (piped tickets bind by their Id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1, long.MaxValue)]
        public long[] TicketId { get; set; } = Array.Empty<long>();

        protected override void ProcessRecord()
        {
            var history = new HistoryService(ResolveConnection(), RequestLog);
            WriteForEachTicket(TicketId, async id => (IEnumerable<TicketHistoryEntry>)await history.ListAsync(id, CancellationToken).ConfigureAwait(false));
        }
    }
}
