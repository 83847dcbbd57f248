using System.Security;
using CaseOps.Http;
using CaseOps.Incydr;

namespace CaseOps.Connections
{
    /// <summary>A connection to a Code42 Incydr tenant with an API client (OAuth client credentials).</summary>
    public sealed class IncydrConnection : CaseOpsConnection
    {
        private readonly IncydrTokenProvider _tokens;

        public IncydrConnection(ApiClientOptions options, string clientId, SecureString clientSecret)
            : base(CaseOpsService.Incydr, new ApiClient("Incydr", options), clientId)
        {
            _tokens = new IncydrTokenProvider(Api, clientId, clientSecret);
            Api.Authenticator = _tokens;
            Users = new IncydrUserDirectory(Api);
        }

        public string ClientId => Account;

        /// <summary>The tenant the current token belongs to, once a token was fetched.</summary>
        public string? TenantId => _tokens.TenantId;

        /// <summary>When the current access token expires (it is renewed before that).</summary>
        public DateTimeOffset? TokenExpiresAt => _tokens.ExpiresAt;

        internal IncydrTokenProvider Tokens => _tokens;

        /// <summary>
        /// The users met through this connection, so a username resolves to its id once per connection (not per
        /// case), shared by every caller; its work ends when the connection is closed (docs/architecture.md, "Connections").
        /// </summary>
        internal IncydrUserDirectory Users { get; }

        private protected override void OnClosing() => Users.Dispose();
    }
}
