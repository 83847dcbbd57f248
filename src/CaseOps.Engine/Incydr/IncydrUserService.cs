using System.Globalization;
using System.Linq;
using CaseOps.Connections;
using CaseOps.Http;
using CaseOps.Incydr.Models;
using CaseOps.Paging;
using RestSharp;

namespace CaseOps.Incydr
{
    /// <summary>
    /// The Incydr users API (docs/contracts/incydr.md, "Users"): the tenant's users page by page, or one by id.
    /// Its paging parameters are <c>page</c> and <c>pageSize</c>, not the cases' <c>pgNum</c>/<c>pgSize</c>.
    /// </summary>
    public sealed class IncydrUserService
    {
        /// <summary>The largest page the emulator accepts (the real maximum is open).</summary>
        public const int MaxPageSize = 10000;

        private readonly ApiClient _api;
        private readonly IRequestLog _log;

        public IncydrUserService(IncydrConnection connection, IRequestLog? log = null)
            : this(connection.Api, log)
        {
        }

        internal IncydrUserService(ApiClient api, IRequestLog? log)
        {
            _api = api;
            _log = log ?? RequestLog.None;
        }

        public PageStream<IncydrUser> List(IncydrUserFilter filter, PageStreamOptions paging)
        {
            if (paging.PageSize > MaxPageSize)
                throw new ArgumentOutOfRangeException(nameof(paging), $"The page size can be at most {MaxPageSize}.");
            return new PageStream<IncydrUser>((page, size, ct) => FetchPageAsync(filter, page, size, ct), paging, u => ListingKey.Of(u.UserId));
        }

        // PageStream counts pages from 1, as the API does (docs/contracts/incydr.md, "Users").
        private async Task<Page<IncydrUser>> FetchPageAsync(IncydrUserFilter filter, int pageNumber, int pageSize, CancellationToken cancellationToken)
        {
            var request = new RestRequest("v1/users");
            if (!string.IsNullOrEmpty(filter.Username))
                request.AddQueryParameter("username", filter.Username);
            if (filter.Active.HasValue)
                request.AddQueryParameter("active", filter.Active.Value ? "true" : "false");
            if (filter.Blocked.HasValue)
                request.AddQueryParameter("blocked", filter.Blocked.Value ? "true" : "false");
            request.AddQueryParameter("page", pageNumber.ToString(CultureInfo.InvariantCulture));
            request.AddQueryParameter("pageSize", pageSize.ToString(CultureInfo.InvariantCulture));
            var page = await _api.SendAsync<UsersPage>(request, _log, cancellationToken).ConfigureAwait(false);
            return new Page<IncydrUser>(page.Users, page.TotalCount);
        }

        /// <summary>One user by id; a 404 when Incydr does not know it.</summary>
        public Task<IncydrUser> GetAsync(string userId, CancellationToken cancellationToken) =>
            _api.SendAsync<IncydrUser>(new RestRequest("v1/users/" + Uri.EscapeDataString(userId)), _log, cancellationToken,
                answer => StrictJson.SameId("userId", userId, answer.UserId));

        /// <summary>
        /// The user with exactly this username (letter case aside), or null: one filtered request. Whether the
        /// server's filter matches whole names is open, so the answer is held to the name here.
        /// </summary>
        public async Task<IncydrUser?> FindByUsernameAsync(string username, CancellationToken cancellationToken)
        {
            var request = new RestRequest("v1/users");
            request.AddQueryParameter("username", username);
            request.AddQueryParameter("page", "1");
            request.AddQueryParameter("pageSize", "100");
            var page = await _api.SendAsync<UsersPage>(request, _log, cancellationToken).ConfigureAwait(false);
            return page.Users.FirstOrDefault(u => string.Equals(u.Username, username, StringComparison.OrdinalIgnoreCase));
        }
    }
}
