using System.Globalization;
using CaseOps.Connections;
using CaseOps.Http;
using CaseOps.Incydr.Models;
using CaseOps.Paging;
using RestSharp;

namespace CaseOps.Incydr
{
    /// <summary>The Incydr cases API: list, read, create, replace and delete cases.</summary>
    public sealed class CaseService
    {
        /// <summary>The largest page the emulator and, as far as is known, the server accept.</summary>
        public const int MaxPageSize = 10000;

        // Open ends of a time range: the API only takes closed intervals.
        private static readonly DateTimeOffset RangeStart = new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);
        private static readonly DateTimeOffset RangeEnd = new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero);

        private readonly ApiClient _api;
        private readonly IRequestLog _log;

        public CaseService(IncydrConnection connection, IRequestLog? log = null)
        {
            _api = connection.Api;
            _log = log ?? RequestLog.None;
        }

        public PageStream<Case> List(CaseFilter filter, PageStreamOptions paging)
        {
            if (paging.PageSize > MaxPageSize)
                throw new ArgumentOutOfRangeException(nameof(paging), $"The page size can be at most {MaxPageSize}.");
            return new PageStream<Case>((page, size, ct) => FetchPageAsync(filter, page, size, ct), paging, c => c.Number);
        }

        private async Task<Page<Case>> FetchPageAsync(CaseFilter filter, int pageNumber, int pageSize, CancellationToken cancellationToken)
        {
            var request = new RestRequest("v1/cases");
            AddFilter(request, filter);
            request.AddQueryParameter("pgNum", pageNumber.ToString(CultureInfo.InvariantCulture));
            request.AddQueryParameter("pgSize", pageSize.ToString(CultureInfo.InvariantCulture));
            var page = await _api.SendAsync<CasesPage>(request, _log, cancellationToken).ConfigureAwait(false);
            return new Page<Case>(page.Cases, page.TotalCount);
        }

        private static void AddFilter(RestRequest request, CaseFilter filter)
        {
            if (filter.Status != null)
                foreach (var status in filter.Status)
                    request.AddQueryParameter("status", status.ToString().ToUpperInvariant());
            AddIfSet(request, "assignee", filter.Assignee);
            if (filter.IsAssigned.HasValue)
                request.AddQueryParameter("isAssigned", filter.IsAssigned.Value ? "true" : "false");
            AddIfSet(request, "name", filter.Name);
            AddIfSet(request, "subject", filter.Subject);
            AddIfSet(request, "lastModifiedBy", filter.LastModifiedBy);
            AddRange(request, "createdAt", filter.CreatedAfter, filter.CreatedBefore);
            AddRange(request, "updatedAt", filter.UpdatedAfter, filter.UpdatedBefore);
            request.AddQueryParameter("srtKey", SortKey(filter.SortBy));
            request.AddQueryParameter("srtDir", filter.Descending ? "desc" : "asc");
        }

        private static void AddIfSet(RestRequest request, string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
                request.AddQueryParameter(name, value);
        }

        private static void AddRange(RestRequest request, string name, DateTimeOffset? after, DateTimeOffset? before)
        {
            if (after == null && before == null)
                return;
            request.AddQueryParameter(name, FormatInstant(after ?? RangeStart) + "/" + FormatInstant(before ?? RangeEnd));
        }

        private static string FormatInstant(DateTimeOffset value) =>
            value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

        internal static string SortKey(CaseSortProperty sort)
        {
            switch (sort)
            {
                case CaseSortProperty.Name: return "name";
                case CaseSortProperty.CreatedAt: return "createdAt";
                case CaseSortProperty.UpdatedAt: return "updatedAt";
                case CaseSortProperty.Status: return "status";
                case CaseSortProperty.Assignee: return "assigneeUsername";
                case CaseSortProperty.Subject: return "subjectUsername";
                default: return "number";
            }
        }

        public Task<Case> GetAsync(long number, CancellationToken cancellationToken) =>
            _api.SendAsync<Case>(new RestRequest(CasePath(number)), _log, cancellationToken, IsCase(number));

        public Task<Case> CreateAsync(CaseChanges newCase, CancellationToken cancellationToken)
        {
            var request = new RestRequest("v1/cases", Method.Post);
            // A new case is always OPEN: the create body has no status, whatever the caller set.
            request.AddJsonBody(new CaseChanges
            {
                Name = newCase.Name,
                Description = newCase.Description,
                Findings = newCase.Findings,
                Subject = newCase.Subject,
                Assignee = newCase.Assignee,
            });
            return _api.SendAsync<Case>(request, _log, cancellationToken);
        }

        /// <summary>
        /// A full copy of the case's editable fields, for <see cref="ReplaceAsync"/>: the API's PUT clears every
        /// field it is not sent, so an update reads the case, changes this copy and sends it all back.
        /// </summary>
        public static CaseChanges EditableCopy(Case current) => new CaseChanges
        {
            Name = current.Name,
            Status = current.Status,
            Description = current.Description,
            Findings = current.Findings,
            Subject = current.Subject,
            Assignee = current.Assignee,
        };

        /// <summary>Replaces the editable part of the case with <paramref name="changes"/>, all six fields.</summary>
        public Task<Case> ReplaceAsync(long number, CaseChanges changes, CancellationToken cancellationToken)
        {
            var request = new RestRequest(CasePath(number), Method.Put);
            request.AddJsonBody(changes);
            return _api.SendAsync<Case>(request, _log, cancellationToken, IsCase(number));
        }

        public async Task RemoveAsync(long number, CancellationToken cancellationToken) =>
            await _api.SendAsync(new RestRequest(CasePath(number), Method.Delete), _log, cancellationToken).ConfigureAwait(false);

        // An answer about another case is a broken answer, not that case (docs/architecture.md, "Errors").
        private static Action<Case> IsCase(long number) => answer => StrictJson.SameId("number", number, answer.Number);

        private static string CasePath(long number) => "v1/cases/" + number.ToString(CultureInfo.InvariantCulture);
    }
}
