using CaseOps.Http;
using CaseOps.Zammad;

namespace CaseOps.Connections
{
    /// <summary>A connection to a Zammad helpdesk with an API token or a login and password.</summary>
    public sealed class ZammadConnection : CaseOpsConnection
    {
        internal ZammadConnection(ApiClientOptions options, ZammadCredential credential, string? onBehalfOf)
            : base(CaseOpsService.Zammad, new ApiClient("Zammad", options), credential.Login ?? "(API token)")
        {
            AuthenticationMethod = credential.Method;
            OnBehalfOf = onBehalfOf;
            WebUri = EndpointPolicy.ZammadWebBase(options.BaseUri);
            Api.Authenticator = new ZammadAuthenticator(credential, onBehalfOf);
            Catalog = new ZammadCatalog(this);
        }

        /// <summary>"Token" or "Basic".</summary>
        public string AuthenticationMethod { get; }

        /// <summary>The user every request acts for (X-On-Behalf-Of), or null.</summary>
        public string? OnBehalfOf { get; }

        /// <summary>The Zammad user id of the account, once known.</summary>
        public long? UserId { get; private set; }

        /// <summary>The helpdesk's browser address, the base of each ticket's WebUrl.</summary>
        public Uri WebUri { get; }

        /// <summary>
        /// Groups, states, priorities and agents, fetched once and used to turn names into ids. Shared by every
        /// caller of the connection; its loads end when the connection is closed (docs/architecture.md, "Connections").
        /// </summary>
        internal ZammadCatalog Catalog { get; }

        /// <summary>
        /// A connection that has asked users/me who it is, so wrong credentials fail here, once, and not in
        /// the middle of the first command. A failed answer disposes the connection and throws
        /// <see cref="CaseOpsApiException"/>.
        /// </summary>
        internal static async Task<ZammadConnection> OpenAsync(ApiClientOptions options, ZammadCredential credential, string? onBehalfOf,
            IRequestLog log, CancellationToken cancellationToken)
        {
            var connection = new ZammadConnection(options, credential, onBehalfOf);
            try
            {
                var me = await new UserService(connection, log).GetCurrentAsync(cancellationToken).ConfigureAwait(false);
                connection.SetAccount(me.Id, me.Login);
                return connection;
            }
            catch (CaseOpsApiException ex) when (ex.StatusCode == 404)
            {
                // users/me exists for every account, so a 404 means no Zammad API at this address (docs/architecture.md, "Errors").
                connection.Dispose();
                throw new CaseOpsApiException(
                    $"There is no Zammad API at {options.BaseUri}: {ex.Method} {ex.Resource} answered 404. The address is the helpdesk's, such as https://helpdesk.example.com (api/v1 is added when it is missing)."
                    + (ex.RequestId == null ? string.Empty : " Request id: " + ex.RequestId + "."),
                    ex.StatusCode, ex.ErrorCode, ex.ServerMessage, ex.RequestId, ex.Method, ex.Resource, ex)
                {
                    ApiNotFound = true,
                };
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        private protected override void OnClosing() => Catalog.Dispose();

        private void SetAccount(long userId, string login)
        {
            UserId = userId;
            Account = login;
        }
    }
}
