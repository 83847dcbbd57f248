using CaseOps.Cmdlets.Tickets;
using CaseOps.Http;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.TimeAccounting
{
    /// <summary>Gets the time accounted on tickets.</summary>
    [Cmdlet(VerbsCommon.Get, "TicketTimeAccounting")]
    [OutputType(typeof(TicketTimeAccounting))]
    public sealed class GetTicketTimeAccountingCommand : ZammadCmdlet
    {
        /// <summary>The tickets (piped tickets bind by their Id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1, long.MaxValue)]
        public long[] TicketId { get; set; } = Array.Empty<long>();

        protected override void ProcessRecord()
        {
            var time = new TimeAccountingService(ResolveConnection(), RequestLog);
            WriteForEachTicket(TicketId, async id => (IEnumerable<TicketTimeAccounting>)await time.ListAsync(id, CancellationToken).ConfigureAwait(false));
        }
    }
}
