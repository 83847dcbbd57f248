using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using CaseOps.Connections;
using CaseOps.Http;
using CaseOps.Zammad;

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

        private protected override string ConnectHint =>
            "Run Connect-Zammad -Uri <https://host/api/v1> -Token <API token> first, pass -Connection, "
            + $"or set {ZammadConnectionFactory.UrlVariable} and {ZammadConnectionFactory.TokenVariable}.";

        private protected override CaseOpsConnection? FromEnvironment()
        {
            if (!ZammadConnectionFactory.TryNormalizeUri(ZammadConnectionFactory.EnvironmentUrl, out var uri, out _)
                || !(ZammadConnectionFactory.EnvironmentToken() is { } token))
                return null;
            WriteVerboseLine($"Connecting to Zammad at {uri} with the token from {ZammadConnectionFactory.TokenVariable}");
            var connection = new ZammadConnection(new ApiClientOptions(uri!), ZammadCredential.FromToken(token), null);
            try
            {
                // As Connect-Zammad does: learn the account, and fail on a wrong token here, once.
                var me = Await(new UserService(connection, RequestLog).GetCurrentAsync(CancellationToken));
                connection.SetAccount(me.Id, me.Login);
            }
            catch (CaseOpsApiException ex)
            {
                connection.Dispose();
                var record = ErrorRecordFactory.FromApi(ex, new ErrorContext("The Zammad connection from " + ZammadConnectionFactory.TokenVariable, "NotConnected", uri!.ToString()), null);
                ThrowTerminatingError(record);
            }
            return connection;
        }

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
