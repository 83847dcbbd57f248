using System.Linq;
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
        /// Applies <paramref name="change"/> with each name to each ticket (after ShouldProcess, which names the
        /// ticket by number and title when it is shown), writing the changed ticket under -PassThru; a failing
        /// ticket is reported and the rest still run.
        /// </summary>
        public static void Apply(ZammadCmdlet cmdlet, long[] ticketIds, string[] names, bool passThru, string action,
            Func<TagService, long, string, CancellationToken, Task> change)
        {
            var connection = cmdlet.ResolveConnection();
            var tags = new TagService(connection, cmdlet.RequestLog);
            var tickets = new TicketService(connection, cmdlet.RequestLog);
            var trimmed = names.Select(n => n.Trim()).ToArray();
            var what = $"{action} {(trimmed.Length == 1 ? "tag" : "tags")} {string.Join(", ", trimmed.Select(n => ChangeDescription.Show(n)))}";
            foreach (var ticketId in ticketIds)
            {
                cmdlet.Attempt(() =>
                {
                    if (!cmdlet.ShouldProcess(TicketPrompt.Target(TicketPrompt.ReadIfShown(cmdlet, tickets, ticketId), ticketId), what))
                        return;
                    foreach (var name in trimmed)
                        cmdlet.Await(change(tags, ticketId, name, cmdlet.CancellationToken));
                    if (passThru)
                        cmdlet.WriteObject(TicketOutput.ToPSObject(cmdlet.Await(tickets.GetAsync(ticketId, expand: true, cmdlet.CancellationToken))));
                }, TicketProblems.About(ticketId));
            }
        }
    }
}
