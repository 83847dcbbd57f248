using System.Globalization;
using System.Linq;
using CaseOps.Connections;
using CaseOps.Http;
using CaseOps.Paging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RestSharp;

namespace CaseOps.Generic
{
    /// <summary>What a 2xx answer held: nothing, JSON, or text that is not JSON.</summary>
    internal sealed class RawRequestAnswer
    {
        private RawRequestAnswer(JToken? json, string? text)
        {
            Json = json;
            Text = text;
        }

        public static RawRequestAnswer Empty { get; } = new RawRequestAnswer(null, null);

        public JToken? Json { get; }

        /// <summary>The body when it was not JSON.</summary>
        public string? Text { get; }

        public static RawRequestAnswer From(string? content)
        {
            if (string.IsNullOrWhiteSpace(content))
                return Empty;
            try { return new RawRequestAnswer(JsonConvert.DeserializeObject<JToken>(content!, NewtonsoftRestSerializer.Settings), null); }
            catch (JsonException) { return new RawRequestAnswer(null, content); }
        }
    }

    /// <summary>
    /// Sends requests the caller spelled out (Invoke-CaseOpsRequest) through the connection's
    /// <see cref="ApiClient"/>: its credentials, retries, error mapping and request log. Pages
    /// listings the way the connection's API pages them.
    /// </summary>
    internal sealed class RawRequestService
    {
        /// <summary>Items per page when a listing is paged and the query names no page size.</summary>
        public const int DefaultPageSize = 100;

        private readonly ApiClient _api;
        private readonly IRequestLog _log;

        public RawRequestService(CaseOpsConnection connection, IRequestLog? log = null)
        {
            Service = connection.Service;
            _api = connection.Api;
            _log = log ?? RequestLog.None;
        }

        public CaseOpsService Service { get; }

        /// <summary>Sends the request; a 2xx answer comes back parsed, any other one as <see cref="CaseOpsApiException"/>.</summary>
        public async Task<RawRequestAnswer> SendAsync(RawRequest request, CancellationToken cancellationToken)
        {
            var response = await _api.SendAsync(request.ToRestRequest(), _log, cancellationToken).ConfigureAwait(false);
            return RawRequestAnswer.From(response.Content);
        }

        /// <summary>
        /// Sends the request and returns the answer as it came, error statuses included. Only a
        /// request that got no answer at all (after the retries) throws <see cref="CaseOpsApiException"/>.
        /// </summary>
        public async Task<RawApiResponse> SendRawAsync(RawRequest request, CancellationToken cancellationToken)
        {
            RestResponse response;
            try
            {
                response = await _api.SendAsync(request.ToRestRequest(), _log, cancellationToken).ConfigureAwait(false);
            }
            catch (CaseOpsApiException ex) when (ex.Response is { } answered)
            {
                // An error status is an answer too: the raw answer returns it as it came.
                response = answered;
            }
            return ToRaw(response);
        }

        /// <summary>
        /// Every item of a GET listing, page by page: Incydr's <c>pgNum</c>/<c>pgSize</c> with the
        /// items in the envelope's first array and its <c>totalCount</c>; Zammad's <c>page</c>/<c>per_page</c>
        /// with bare arrays, a short page being the last. A page size in the query is kept.
        /// </summary>
        public PageStream<JToken> List(RawRequest request)
        {
            if (!request.IsGet)
                throw new RawRequestException(RawRequestProblem.PagingNeedsGet, request.Method, "Only GET requests can be paged.");
            var incydr = Service == CaseOpsService.Incydr;
            var pageKey = incydr ? "pgNum" : "page";
            var sizeKey = incydr ? "pgSize" : "per_page";
            var sizeKeys = new[] { sizeKey };

            var pageSize = DefaultPageSize;
            var given = request.Query.FirstOrDefault(p => sizeKeys.Contains(p.Key, StringComparer.OrdinalIgnoreCase));
            if (given.Key != null)
            {
                if (!int.TryParse(given.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out pageSize) || pageSize < 1)
                    throw new RawRequestException(RawRequestProblem.InvalidPageSize, given.Key + "=" + given.Value,
                        $"The query parameter {given.Key}={given.Value} is not a page size: paging needs a whole number of at least 1.");
            }
            var rest = request.Query
                .Where(p => !string.Equals(p.Key, pageKey, StringComparison.OrdinalIgnoreCase) && !sizeKeys.Contains(p.Key, StringComparer.OrdinalIgnoreCase))
                .ToList();

            var pager = new Pager(this, request, rest, pageKey, sizeKey, incydr);
            return new PageStream<JToken>(pager.FetchAsync, new PageStreamOptions { PageSize = pageSize, VerifyCounts = false });
        }

        /// <summary>
        /// Fetches one page. Guards against endpoints that ignore the paging parameters (they would
        /// answer the same full page for ever): a page longer than asked for, or one that starts with
        /// the same item as the page before, ends the listing.
        /// </summary>
        private sealed class Pager
        {
            private readonly RawRequestService _owner;
            private readonly RawRequest _request;
            private readonly List<KeyValuePair<string, string>> _query;
            private readonly string _pageKey;
            private readonly string _sizeKey;
            private readonly bool _incydr;
            private readonly object _gate = new object();
            private readonly Dictionary<int, string> _firstItems = new Dictionary<int, string>();
            private int _lastPage = int.MaxValue;

            public Pager(RawRequestService owner, RawRequest request, List<KeyValuePair<string, string>> query, string pageKey, string sizeKey, bool incydr)
            {
                _owner = owner;
                _request = request;
                _query = query;
                _pageKey = pageKey;
                _sizeKey = sizeKey;
                _incydr = incydr;
            }

            public async Task<Page<JToken>> FetchAsync(int pageNumber, int pageSize, CancellationToken cancellationToken)
            {
                lock (_gate)
                {
                    if (pageNumber > _lastPage)
                        return new Page<JToken>(Array.Empty<JToken>(), null);
                }
                var query = new List<KeyValuePair<string, string>>(_query)
                {
                    new KeyValuePair<string, string>(_pageKey, pageNumber.ToString(CultureInfo.InvariantCulture)),
                    new KeyValuePair<string, string>(_sizeKey, pageSize.ToString(CultureInfo.InvariantCulture)),
                };
                var pageRequest = _request.WithQuery(query);
                var answer = await _owner.SendAsync(pageRequest, cancellationToken).ConfigureAwait(false);
                var (items, total) = Items(answer, pageRequest);

                lock (_gate)
                {
                    var first = items.Count > 0 ? items[0].ToString(Formatting.None) : null;
                    if (items.Count > pageSize)
                    {
                        _owner._log.Verbose($"{pageRequest.Description} answered {items.Count} items for a page of {pageSize}: it does not page, so the listing ends here");
                        _lastPage = Math.Min(_lastPage, pageNumber);
                    }
                    else if (first != null && _firstItems.TryGetValue(pageNumber - 1, out var previous) && previous == first)
                    {
                        _owner._log.Verbose($"{pageRequest.Description} answered the same items as page {pageNumber - 1}: it does not page, so the listing ends here");
                        _lastPage = Math.Min(_lastPage, pageNumber - 1);
                        return new Page<JToken>(Array.Empty<JToken>(), null);
                    }
                    if (first != null)
                        _firstItems[pageNumber] = first;
                    _firstItems.Remove(pageNumber - 2);
                }
                return new Page<JToken>(items, _incydr ? total : null);
            }

            private static (IReadOnlyList<JToken> Items, long? Total) Items(RawRequestAnswer answer, RawRequest request)
            {
                switch (answer.Json)
                {
                    case null when answer.Text == null:
                        return (Array.Empty<JToken>(), null); // no body: nothing (more) to list
                    case JArray array:
                        return (array.ToList(), null);
                    case JObject envelope when envelope.Properties().FirstOrDefault(p => p.Value is JArray) is { } list:
                        long? total = null;
                        var count = envelope.GetValue("totalCount", StringComparison.OrdinalIgnoreCase);
                        if (count != null && (count.Type == JTokenType.Integer || count.Type == JTokenType.Float))
                            total = count.Value<long>();
                        return (((JArray)list.Value).ToList(), total);
                    default:
                        throw new RawRequestException(RawRequestProblem.NotAListing, request.Description,
                            $"{request.Description} did not answer a list (a JSON array, or an object holding one), so it cannot be paged.");
                }
            }
        }

        private static RawApiResponse ToRaw(RestResponse response)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in (response.Headers ?? Enumerable.Empty<HeaderParameter>()).Concat(response.ContentHeaders ?? Enumerable.Empty<HeaderParameter>()))
            {
                if (string.IsNullOrEmpty(header.Name))
                    continue;
                var value = header.Value?.ToString() ?? string.Empty;
                headers[header.Name!] = headers.TryGetValue(header.Name!, out var earlier) ? earlier + ", " + value : value;
            }
            return new RawApiResponse((int)response.StatusCode, headers, response.Content ?? string.Empty, response.ContentType);
        }
    }
}
