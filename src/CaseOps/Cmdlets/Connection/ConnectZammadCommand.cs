using System.Security;
using CaseOps.Connections;
using CaseOps.Http;

namespace CaseOps.Cmdlets.Connection
{
    /// <summary>Connects to a Zammad helpdesk with an API token or a login, and makes it this session's default.</summary>
    [Cmdlet(VerbsCommunications.Connect, "Zammad", DefaultParameterSetName = TokenSet)]
    [OutputType(typeof(ZammadConnection))]
    public sealed class ConnectZammadCommand : ConnectCommandBase
    {
        private const string TokenSet = "Token";
        private const string CredentialSet = "Credential";

        /// <summary>The helpdesk address, e.g. https://helpdesk.example.com (/api/v1 is added when missing).</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Uri { get; set; }

        /// <summary>An API token (Zammad: Profile > Token Access); CASEOPS_ZAMMAD_TOKEN when omitted.</summary>
        [Parameter(Position = 1, ParameterSetName = TokenSet)]
        [ValidateNotNull]
        public SecureString? Token { get; set; }

        /// <summary>Login (or email) and password, for basic auth.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [Credential]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        /// <summary>Act for this user (id, login or email) in every request: X-On-Behalf-Of.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? OnBehalfOf { get; set; }

        protected override void ProcessRecord()
        {
            var uriText = Uri ?? EnvironmentConnections.ZammadUrl;
            if (string.IsNullOrEmpty(uriText))
                Fail("UriMissing", ErrorCategory.InvalidArgument,
                    $"No Zammad URL: pass -Uri (e.g. https://helpdesk.example.com) or set {EnvironmentConnections.ZammadUrlVariable}.", Uri);
            if (!EndpointPolicy.TryNormalizeZammad(uriText, out var uri, out var problem))
                Fail("InvalidUri", ErrorCategory.InvalidArgument, problem!, Uri);

            // Refused here, before any send: a value HTTP cannot carry would otherwise fail every request.
            if (OnBehalfOf != null && HeaderValues.Problem("X-On-Behalf-Of", OnBehalfOf) is { } headerProblem)
                Fail("InvalidHeaderValue", ErrorCategory.InvalidArgument,
                    $"-OnBehalfOf cannot be sent: {headerProblem}. Give the user's id, or an ASCII login or email.", OnBehalfOf);

            var credential = ChooseCredential();
            ZammadConnection connection = null!;
            try
            {
                connection = Await(ZammadConnection.OpenAsync(ClientOptions(uri!), credential, OnBehalfOf, RequestLog, CancellationToken));
            }
            catch (CaseOpsApiException ex)
            {
                ThrowTerminatingError(ErrorRecordFactory.FromConnect(ex, uri!.ToString()));
            }
            ConnectionRegistry.Set(connection);
            WriteVerboseLine($"Connected to Zammad at {uri} as {connection.Account}" + (OnBehalfOf == null ? string.Empty : $" on behalf of {OnBehalfOf}"));
            WriteObject(connection);
        }

        private ZammadCredential ChooseCredential()
        {
            ZammadCredential? credential = null;
            if (Credential != null)
                credential = ZammadCredential.FromLogin(Credential.UserName, Credential.Password);
            else if (Token != null)
                credential = ZammadCredential.FromToken(Token);
            else if (EnvironmentConnections.ZammadToken() is { } fromEnvironment)
            {
                credential = ZammadCredential.FromToken(fromEnvironment);
                WriteVerboseLine($"Using the API token from {EnvironmentConnections.ZammadTokenVariable}");
            }
            if (credential == null || credential.IsEmpty)
                Fail("CredentialMissing", ErrorCategory.InvalidArgument,
                    $"No credentials: pass -Token (an API token as SecureString), -Credential (login and password), or set {EnvironmentConnections.ZammadTokenVariable}.", Uri);
            return credential!;
        }
    }
}
