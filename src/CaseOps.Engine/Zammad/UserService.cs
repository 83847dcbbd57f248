using CaseOps.Connections;
using CaseOps.Http;
using CaseOps.Zammad.Models;
using RestSharp;

namespace CaseOps.Zammad
{
    /// <summary>Zammad users: who the connection acts as.</summary>
    public sealed class UserService
    {
        private readonly ApiClient _api;
        private readonly IRequestLog _log;

        public UserService(ZammadConnection connection, IRequestLog? log = null)
        {
            _api = connection.Api;
            _log = log ?? RequestLog.None;
        }

        /// <summary>The user the credentials (or X-On-Behalf-Of) act as.</summary>
        public Task<ZammadUser> GetCurrentAsync(CancellationToken cancellationToken) =>
            _api.SendAsync<ZammadUser>(new RestRequest("users/me"), _log, cancellationToken);
    }
}
