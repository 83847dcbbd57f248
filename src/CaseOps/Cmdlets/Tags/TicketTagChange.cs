using System.Threading;
using System.Threading.Tasks;
using CaseOps.Cmdlets.Tickets;
using CaseOps.Zammad;

namespace CaseOps.Cmdlets.Tags
{
    /// <summary>What Add-TicketTag and Remove-TicketTag do with their tickets and names; they differ only in the call.</summary>
    internal static class TicketTagChange
    {
        /// <summary>
        /// Applies <paramref name="change"/> with each name to each ticket (after ShouldProcess), writing the
        /// changed ticket under -PassThru; a failing ticket is reported and the rest still run.
        /// </summary>
        public static void Apply(ZammadCmdlet cmdlet, long[] ticketIds, string[] names, bool passThru, string action,
            Func<TagService, long, string, CancellationToken, Task> change)
        {
            var connection = cmdlet.ResolveConnection();
            var tags = new TagService(connection, cmdlet.RequestLog);
            foreach (var ticketId in ticketIds)
            {
                if (!cmdlet.ShouldProcess($"Ticket {ticketId}", $"{action} tag(s) {string.Join(", ", names)}"))
                    continue;
                cmdlet.Attempt(() =>
                {
                    foreach (var name in names)
                        cmdlet.Await(change(tags, ticketId, name.Trim(), cmdlet.CancellationToken));
                    if (passThru)
                    {
                        var ticket = cmdlet.Await(new TicketService(connection, cmdlet.RequestLog).GetAsync(ticketId, expand: true, cmdlet.CancellationToken));
                        cmdlet.WriteObject(TicketOutput.ToPSObject(ticket));
                    }
                }, TicketProblems.About(ticketId));
            }
        }
    }
}
