using System.Management.Automation;
using CaseOps.Connections;
using CaseOps.Http;

namespace CaseOps.Cmdlets.Common
{
    /// <summary>Base of the cmdlets that act on Incydr: the -Connection parameter and its defaults.</summary>
    public abstract class IncydrCmdlet : CaseOpsCmdlet
    {
        /// <summary>The connection to use instead of the default one made by Connect-Incydr.</summary>
        [Parameter]
        [ValidateNotNull]
        public IncydrConnection? Connection { get; set; }

        private IncydrConnection? _resolved;

        /// <summary>
        /// The explicit connection, else this runspace's default, else one made from the environment
        /// variables; otherwise a terminating error that says how to connect.
        /// </summary>
        protected IncydrConnection ResolveConnection()
        {
            if (_resolved != null)
                return _resolved;
            if (Connection != null)
            {
                if (Connection.IsClosed)
                    ThrowTerminatingError(new ErrorRecord(
                        new PSInvalidOperationException($"The connection {Connection} was closed by Disconnect-CaseOps. Run Connect-Incydr again."),
                        "ConnectionClosed", ErrorCategory.InvalidOperation, Connection));
                return _resolved = Connection;
            }
            if (ConnectionRegistry.Get(CaseOpsService.Incydr) is IncydrConnection current)
                return _resolved = current;
            if (EndpointPolicy.TryNormalize(IncydrConnectionFactory.EnvironmentUrl, out var uri, out _)
                && IncydrConnectionFactory.EnvironmentCredential() is { } credential)
            {
                WriteVerboseLine($"Connecting to Incydr at {uri} as {credential.ClientId} from the {IncydrConnectionFactory.UrlVariable} environment variables");
                var connection = new IncydrConnection(new ApiClientOptions(uri!), credential.ClientId, credential.Secret);
                ConnectionRegistry.Set(connection);
                return _resolved = connection;
            }
            ThrowTerminatingError(new ErrorRecord(
                new PSInvalidOperationException(
                    "Not connected to Incydr. Run Connect-Incydr -Uri <base URL> -Credential <client id and secret> first, "
                    + $"pass -Connection, or set {IncydrConnectionFactory.UrlVariable}, {IncydrConnectionFactory.ClientIdVariable} and {IncydrConnectionFactory.ClientSecretVariable}."),
                "NotConnected", ErrorCategory.InvalidOperation, null));
            return null!; // not reached: ThrowTerminatingError throws
        }
    }
}
