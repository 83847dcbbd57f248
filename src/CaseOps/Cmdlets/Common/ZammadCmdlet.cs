using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using CaseOps.Connections;
using CaseOps.Http;

namespace CaseOps.Cmdlets.Common
{
    /// <summary>Base of the cmdlets that act on Zammad.</summary>
    public abstract class ZammadCmdlet : ConnectedCmdlet
    {
        /// <summary>The Zammad connection to use instead of this session's default one.</summary>
        [Parameter]
        [ValidateNotNull]
        public ZammadConnection? Connection { get; set; }

        private protected override CaseOpsConnection? ExplicitConnection => Connection;

        /// <summary>The connection to use (see <see cref="ConnectedCmdlet"/>); a terminating error when there is none.</summary>
        protected ZammadConnection ResolveConnection() => (ZammadConnection)ResolveServiceConnection();

        private protected override CaseOpsService TargetService => CaseOpsService.Zammad;

        /// <summary>Writes what <paramref name="list"/> returns for each ticket; a failing ticket is reported and the rest still run.</summary>
        private protected void WriteForEachTicket<T>(IEnumerable<long> ticketIds, Func<long, Task<IEnumerable<T>>> list)
        {
            foreach (var ticketId in ticketIds)
            {
                try
                {
                    foreach (var item in Await(list(ticketId)))
                        WriteObject(item);
                }
                catch (CaseOpsApiException ex)
                {
                    WriteApiError(ex, Tickets.TicketProblems.About(ticketId));
                }
            }
        }
    }
}
