using System.Globalization;
using System.IO;
using CaseOps.Connections;
using CaseOps.Downloads;
using CaseOps.Http;
using RestSharp;

namespace CaseOps.Incydr
{
    /// <summary>
    /// The case downloads: summary PDF, file events CSV, full ZIP, captured source files. Each streams
    /// into a <see cref="DownloadTarget"/> and is renamed into place only when complete.
    /// </summary>
    public sealed class CaseExportService
    {
        private readonly ApiClient _api;
        private readonly IRequestLog _log;
        private readonly CaseFileEventService _events;

        public CaseExportService(IncydrConnection connection, IRequestLog? log = null)
        {
            _api = connection.Api;
            _log = log ?? RequestLog.None;
            _events = new CaseFileEventService(connection, _log);
        }

        public static string SummaryFileName(long caseNumber) => $"Case-{Text(caseNumber)}.pdf";
        public static string FileEventsFileName(long caseNumber) => $"Case-{Text(caseNumber)}-file-events.csv";
        public static string CaseFileName(long caseNumber) => $"Case-{Text(caseNumber)}.zip";
        public static string SourceFileName(long caseNumber, string eventId) => $"Case-{Text(caseNumber)}-{eventId}-unknown-filename";

        /// <summary>The case summary as PDF; <paramref name="language"/> e.g. "de", or null for the tenant's.</summary>
        public Task<FileInfo> ExportSummaryAsync(long caseNumber, string? language, DownloadTarget target, StreamingDownloadProgress progress, CancellationToken cancellationToken)
        {
            var request = new RestRequest(CasePath(caseNumber) + "/export");
            if (!string.IsNullOrEmpty(language))
                request.AddQueryParameter("language", language);
            return DownloadAsync(request, target, progress, cancellationToken);
        }

        /// <summary>The case's file events as CSV.</summary>
        public Task<FileInfo> ExportFileEventsAsync(long caseNumber, DownloadTarget target, StreamingDownloadProgress progress, CancellationToken cancellationToken) =>
            DownloadAsync(new RestRequest(CaseFileEventService.EventsPath(caseNumber) + "/export"), target, progress, cancellationToken);

        /// <summary>The whole case as ZIP with the parts asked for (at least one).</summary>
        public Task<FileInfo> ExportCaseAsync(long caseNumber, bool summary, bool fileEvents, bool files, string? language, DownloadTarget target, StreamingDownloadProgress progress, CancellationToken cancellationToken)
        {
            var request = new RestRequest(CasePath(caseNumber) + "/export/full");
            request.AddQueryParameter("summary", summary ? "true" : "false");
            request.AddQueryParameter("fileEvents", fileEvents ? "true" : "false");
            request.AddQueryParameter("files", files ? "true" : "false");
            if (!string.IsNullOrEmpty(language))
                request.AddQueryParameter("language", language);
            return DownloadAsync(request, target, progress, cancellationToken);
        }

        /// <summary>
        /// The source file Incydr captured for one event on the case, checked against
        /// <paramref name="expectation"/> (see <see cref="SourceExpectationAsync"/>) besides its Content-Length.
        /// </summary>
        public Task<FileInfo> SaveSourceAsync(long caseNumber, string eventId, DownloadTarget target, StreamingDownloadProgress progress, CancellationToken cancellationToken, DownloadExpectation? expectation = null) =>
            DownloadAsync(new RestRequest(CaseFileEventService.EventPath(caseNumber, eventId) + "/file"), target, progress, cancellationToken, expectation);

        /// <summary>
        /// Reads the event to learn the size and hashes of its captured file (one GET of
        /// <c>…/fileevent/{eventId}</c>); they describe the exact file the event saw
        /// (docs/contracts/incydr.md, "Bodies" under Downloads).
        /// </summary>
        public async Task<DownloadExpectation> SourceExpectationAsync(long caseNumber, string eventId, CancellationToken cancellationToken) =>
            ExpectationOf(await _events.GetAsync(caseNumber, eventId, cancellationToken).ConfigureAwait(false), eventId);

        /// <summary>The size and hashes a file event gives for its file.</summary>
        public static DownloadExpectation ExpectationOf(Models.FileEventDetail detail, string eventId) =>
            new DownloadExpectation(detail.File?.SizeInBytes, detail.File?.Hash?.Sha256, detail.File?.Hash?.Md5, "file event " + eventId);

        private Task<FileInfo> DownloadAsync(RestRequest request, DownloadTarget target, StreamingDownloadProgress progress, CancellationToken cancellationToken, DownloadExpectation? expectation = null) =>
            target.ReceiveAsync(_api, request, progress, _log, expectation, cancellationToken);

        private static string CasePath(long caseNumber) => "v1/cases/" + Text(caseNumber);

        private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
