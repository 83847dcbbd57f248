using CaseOps.Connections;
using CaseOps.Http;
using RestSharp;

namespace CaseOps.Zammad
{
    /// <summary>Adds the Zammad Authorization header and, when acting for someone, X-On-Behalf-Of.</summary>
    internal sealed class ZammadAuthenticator : IRequestAuthenticator
    {
        private const string OnBehalfOfHeader = "X-On-Behalf-Of";
        private readonly ZammadCredential _credential;
        private readonly string? _onBehalfOf;

        public ZammadAuthenticator(ZammadCredential credential, string? onBehalfOf)
        {
            _credential = credential;
            _onBehalfOf = onBehalfOf;
        }

        public Task AuthenticateAsync(RestRequest request, IRequestLog log, CancellationToken cancellationToken)
        {
            HeaderValues.Set(request, KnownHeaders.Authorization, _credential.AuthorizationHeader());
            if (_onBehalfOf != null)
                HeaderValues.Set(request, OnBehalfOfHeader, _onBehalfOf);
            return Task.CompletedTask;
        }

        // API tokens and passwords do not expire in a way a retry could fix.
        public Task<bool> RefreshAsync(RestRequest request, IRequestLog log, CancellationToken cancellationToken) => Task.FromResult(false);
    }
}
