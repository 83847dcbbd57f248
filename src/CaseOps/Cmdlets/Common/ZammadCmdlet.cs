using System.Threading.Tasks;
using CaseOps.Connections;

namespace CaseOps.Cmdlets.Common
{
    /// <summary>
    /// Base of the cmdlets that act on Zammad: the -Connection parameter and the connection it resolves to.
    /// Not generic over the connection type: a cmdlet class whose base is instantiated over an engine type
    /// could not be loaded before the engine is (docs/architecture.md, "Assemblies and load contexts").
    /// </summary>
    public abstract class ZammadCmdlet : CaseOpsCmdlet
    {
        private ZammadConnection? _resolved;

        /// <summary>The Zammad connection to use instead of this session's default one.</summary>
        [Parameter]
        [ValidateNotNull]
        public ZammadConnection? Connection { get; set; }

        /// <summary>
        /// -Connection, else this runspace's default, else one made from the environment variables
        /// (<see cref="ConnectionResolver"/>); resolved once per command, a terminating error when there is none.
        /// </summary>
        protected internal ZammadConnection ResolveConnection() =>
            _resolved ??= (ZammadConnection)new ConnectionResolver(this).Resolve(Connection, CaseOpsService.Zammad);

        /// <summary>Writes what <paramref name="list"/> returns for each ticket; a failing ticket is reported and the rest still run.</summary>
        private protected void WriteForEachTicket<T>(IEnumerable<long> ticketIds, Func<long, Task<IEnumerable<T>>> list)
        {
            foreach (var ticketId in ticketIds)
            {
                Attempt(() =>
                {
                    foreach (var item in Await(list(ticketId)))
                        WriteObject(item);
                }, Tickets.TicketProblems.About(ticketId));
            }
        }
    }
}
