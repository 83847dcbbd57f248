using System.IO;
using CaseOps.Connections;
using CaseOps.Downloads;
using CaseOps.Http;
using CaseOps.Incydr;
using CaseOps.Zammad;

namespace CaseOps.Sync
{
    /// <summary>
    /// A closed case's summary PDF as an attachment for its ticket. It goes through the checked download
    /// (complete, Content-Length matched) into a temporary file, so a cut-off download is never attached.
    /// </summary>
    public sealed class CaseSummaryPdf
    {
        private readonly CaseExportService _exports;

        public CaseSummaryPdf(IncydrConnection connection, IRequestLog? log = null) => _exports = new CaseExportService(connection, log);

        public async Task<ArticleFile> DownloadAsync(long caseNumber, CancellationToken cancellationToken)
        {
            var fileName = CaseExportService.SummaryFileName(caseNumber);
            var folder = Path.Combine(Path.GetTempPath(), "caseops-sync-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                using (var target = DownloadTarget.Prepare(Path.Combine(folder, fileName), fileName, overwrite: true))
                {
                    var file = await _exports.ExportSummaryAsync(caseNumber, null, target, new StreamingDownloadProgress(), cancellationToken).ConfigureAwait(false);
                    return new ArticleFile(fileName, File.ReadAllBytes(file.FullName), "application/pdf");
                }
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
