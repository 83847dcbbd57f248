using System.Globalization;
using CaseOps.Http;
using RestSharp;

namespace CaseOps.Zammad
{
    /// <summary>Reads a whole Zammad list (small ones: lookup tables) page by page to the short page.</summary>
    internal static class ZammadPages
    {
        // A page size every list endpoint accepts, whatever its own maximum.
        private const int PageSize = 100;

        public static async Task<List<T>> ReadAllAsync<T>(ApiClient api, string resource, IRequestLog log, CancellationToken cancellationToken, Action<RestRequest>? addQuery = null)
        {
            var all = new List<T>();
            for (var page = 1; ; page++)
            {
                var request = new RestRequest(resource);
                addQuery?.Invoke(request);
                request.AddQueryParameter("page", page.ToString(CultureInfo.InvariantCulture));
                request.AddQueryParameter("per_page", PageSize.ToString(CultureInfo.InvariantCulture));
                var items = await api.SendAsync<List<T>>(request, log, cancellationToken).ConfigureAwait(false);
                all.AddRange(items);
                if (items.Count < PageSize)
                    return all;
            }
        }
    }
}
