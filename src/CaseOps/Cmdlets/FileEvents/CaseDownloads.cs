using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CaseOps.Downloads;
using CaseOps.Http;
using CaseOps.Incydr;

namespace CaseOps.Cmdlets.FileEvents
{
    /// <summary>
    /// What the case download cmdlets (Export-Case, Export-CaseSummary, Export-CaseFileEvent,
    /// Save-CaseFileEventSource) share during one command: the export service, the
    /// <see cref="FileSaver"/> that checks the target, streams the body and writes the FileInfo, and
    /// for whole-case exports the cases saved already.
    /// </summary>
    internal sealed class CaseDownloads
    {
        private readonly IncydrCmdlet _cmdlet;
        private readonly HashSet<long>? _casesSaved;
        private FileSaver? _saver;
        private CaseExportService? _service;

        /// <param name="cmdlet">The cmdlet that downloads.</param>
        /// <param name="oncePerCase">True for whole-case exports: a case piped twice (e.g. once per file event) is saved once.</param>
        public CaseDownloads(IncydrCmdlet cmdlet, bool oncePerCase)
        {
            _cmdlet = cmdlet;
            _casesSaved = oncePerCase ? new HashSet<long>() : null;
        }

        public CaseExportService Exports => _service ??= new CaseExportService(_cmdlet.ResolveConnection(), _cmdlet.RequestLog);

        /// <summary>Downloads <paramref name="what"/> of case <paramref name="caseNumber"/> into <paramref name="path"/> and writes the FileInfo, or an error for this item.</summary>
        public void Save(long caseNumber, string? path, bool force, string what, string defaultFileName, Func<CaseOpsApiException, ErrorRecord> describeApiError,
            Func<DownloadTarget, StreamingDownloadProgress, CancellationToken, Task<FileInfo>> start, string? integrityAdvice = null)
        {
            if (_casesSaved != null && !_casesSaved.Add(caseNumber))
            {
                _cmdlet.WriteVerboseLine($"Case {caseNumber} was saved already by this command");
                return;
            }
            (_saver ??= new FileSaver(_cmdlet)).Save(path, force, what, defaultFileName, start, describeApiError, integrityAdvice);
        }

        /// <summary>An API failure about the case as a whole, mapped as the case cmdlets map it.</summary>
        public static Func<CaseOpsApiException, ErrorRecord> AboutCase(long caseNumber) =>
            ex => ErrorRecordFactory.FromApi(ex, Cases.CaseProblems.About(caseNumber), Cases.CaseProblems.Map);
    }
}
