using RestSharp;

namespace CaseOps.Http
{
    /// <summary>Adds credentials to each request of a connection.</summary>
    internal interface IRequestAuthenticator
    {
        Task AuthenticateAsync(RestRequest request, IRequestLog log, CancellationToken cancellationToken);

        /// <summary>
        /// Called once after the server answered 401 to <paramref name="request"/>. Returns true when
        /// fresh credentials were obtained and the request is worth replaying once.
        /// </summary>
        Task<bool> RefreshAsync(RestRequest request, IRequestLog log, CancellationToken cancellationToken);
    }
}
