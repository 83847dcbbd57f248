using System.Security;
using CaseOps.Connections;
using CaseOps.Http;

namespace CaseOps.Cmdlets.Connection
{
    /// <summary>Connects to an Incydr tenant with an API client and makes it this session's default.</summary>
    [Cmdlet(VerbsCommunications.Connect, "Incydr")]
    [OutputType(typeof(IncydrConnection))]
    public sealed class ConnectIncydrCommand : ConnectCommandBase
    {
        /// <summary>The tenant's API base URL, e.g. https://api.us.code42.com.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(IncydrUriCompleter))]
        public string? Uri { get; set; }

        /// <summary>API client id as user name, client secret as password.</summary>
        [Parameter(Position = 1)]
        [Credential]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        protected override void ProcessRecord()
        {
            var uriText = Uri ?? EnvironmentConnections.IncydrUrl;
            if (string.IsNullOrEmpty(uriText))
                Fail("UriMissing", ErrorCategory.InvalidArgument, $"No Incydr URL: pass -Uri (e.g. https://api.us.code42.com) or set {EnvironmentConnections.IncydrUrlVariable}.", Uri);
            if (!EndpointPolicy.TryNormalize(uriText, out var uri, out var problem))
                Fail("InvalidUri", ErrorCategory.InvalidArgument, problem!, Uri);

            string clientId;
            SecureString secret;
            if (Credential != null)
            {
                clientId = Credential.UserName;
                secret = Credential.Password;
            }
            else if (EnvironmentConnections.IncydrCredential() is { } fromEnvironment)
            {
                (clientId, secret) = fromEnvironment;
                WriteVerboseLine($"Using the API client from {EnvironmentConnections.IncydrClientIdVariable} and {EnvironmentConnections.IncydrClientSecretVariable}");
            }
            else
            {
                Fail("CredentialMissing", ErrorCategory.InvalidArgument, $"No API client: pass -Credential (client id as user name, secret as password) or set {EnvironmentConnections.IncydrClientIdVariable} and {EnvironmentConnections.IncydrClientSecretVariable}.", Uri);
                return;
            }
            if (string.IsNullOrEmpty(clientId) || secret.Length == 0)
                Fail("CredentialMissing", ErrorCategory.InvalidArgument, "The credential needs the API client id as user name and the client secret as password.", Uri);

            var options = ClientOptions(uri!);
            var connection = new IncydrConnection(options, clientId, secret);
            try
            {
                // Fetch the token now, so wrong credentials fail here and not in the first command.
                Await(connection.Tokens.GetTokenAsync(RequestLog, CancellationToken));
            }
            catch (CaseOpsApiException ex)
            {
                connection.Dispose();
                ThrowTerminatingError(ErrorRecordFactory.FromConnect(ex, uri!.ToString()));
            }
            ConnectionRegistry.Set(connection);
            WriteVerboseLine($"Connected to Incydr at {uri} as {clientId}; the token is valid until {connection.TokenExpiresAt:u}");
            WriteObject(connection);
        }
    }
}
