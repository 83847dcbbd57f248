using System.Globalization;
using CaseOps.Connections;
using CaseOps.Http;
using CaseOps.Incydr.Models;
using CaseOps.Paging;
using RestSharp;

namespace CaseOps.Incydr
{
    /// <summary>The file events attached to a case: list, read, attach, detach.</summary>
    public sealed class CaseFileEventService
    {
        /// <summary>The most ids one attach request carries (the emulator's limit; Incydr's own is not documented).</summary>
        public const int MaxIdsPerRequest = 100;

        /// <summary>The largest page the event list accepts.</summary>
        public const int MaxPageSize = 10000;

        private readonly ApiClient _api;
        private readonly IRequestLog _log;

        public CaseFileEventService(IncydrConnection connection, IRequestLog? log = null)
        {
            _api = connection.Api;
            _log = log ?? RequestLog.None;
        }

        public PageStream<CaseFileEvent> List(long caseNumber, PageStreamOptions paging)
        {
            if (paging.PageSize > MaxPageSize)
                throw new ArgumentOutOfRangeException(nameof(paging), $"The page size can be at most {MaxPageSize}.");
            return new PageStream<CaseFileEvent>(async (page, size, ct) =>
            {
                var request = new RestRequest(EventsPath(caseNumber));
                request.AddQueryParameter("pgNum", page.ToString(CultureInfo.InvariantCulture));
                request.AddQueryParameter("pgSize", size.ToString(CultureInfo.InvariantCulture));
                var result = await _api.SendAsync<CaseFileEventsPage>(request, _log, ct).ConfigureAwait(false);
                foreach (var item in result.Events)
                    item.CaseNumber = caseNumber;
                return new Page<CaseFileEvent>(result.Events, result.TotalCount);
            }, paging, e => ListingKey.Of(e.EventId));
        }

        /// <summary>The ids already on the case, to attach only what is missing.</summary>
        public async Task<HashSet<string>> ListIdsAsync(long caseNumber, CancellationToken cancellationToken)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var enumerator = List(caseNumber, new PageStreamOptions { PageSize = 1000 }).GetAsyncEnumerator(cancellationToken);
            try
            {
                while (await enumerator.MoveNextAsync().ConfigureAwait(false))
                    ids.Add(enumerator.Current.EventId);
            }
            finally
            {
                await enumerator.DisposeAsync().ConfigureAwait(false);
            }
            return ids;
        }

        public async Task<FileEventDetail> GetAsync(long caseNumber, string eventId, CancellationToken cancellationToken)
        {
            // The document may lack its id (every key of it is optional); when it has one, it must be the one asked for.
            var detail = await _api.SendAsync<FileEventDetail>(new RestRequest(EventPath(caseNumber, eventId)), _log, cancellationToken,
                answer => { if (answer.EventId != null) StrictJson.SameId("event.id", eventId, answer.EventId); }).ConfigureAwait(false);
            detail.CaseNumber = caseNumber;
            return detail;
        }

        /// <summary>Attaches up to <see cref="MaxIdsPerRequest"/> events in one request.</summary>
        public async Task AddAsync(long caseNumber, IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken)
        {
            if (eventIds.Count == 0 || eventIds.Count > MaxIdsPerRequest)
                throw new ArgumentOutOfRangeException(nameof(eventIds), $"Attach between 1 and {MaxIdsPerRequest} events per request.");
            var request = new RestRequest(EventsPath(caseNumber), Method.Post);
            request.AddJsonBody(new Dictionary<string, object> { ["events"] = eventIds });
            await _api.SendAsync(request, _log, cancellationToken).ConfigureAwait(false);
        }

        public async Task RemoveAsync(long caseNumber, string eventId, CancellationToken cancellationToken) =>
            await _api.SendAsync(new RestRequest(EventPath(caseNumber, eventId), Method.Delete), _log, cancellationToken).ConfigureAwait(false);

        internal static string EventsPath(long caseNumber) => "v1/cases/" + caseNumber.ToString(CultureInfo.InvariantCulture) + "/fileevent";

        internal static string EventPath(long caseNumber, string eventId) => EventsPath(caseNumber) + "/" + Uri.EscapeDataString(eventId);
    }
}
