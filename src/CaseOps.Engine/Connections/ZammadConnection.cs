using System;
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

        /// <summary>Groups, states, priorities and agents, fetched once and used to turn names into ids.</summary>
        internal ZammadCatalog Catalog { get; }

        internal void SetAccount(long userId, string login)
        {
            UserId = userId;
            Account = login;
        }
    }
}
