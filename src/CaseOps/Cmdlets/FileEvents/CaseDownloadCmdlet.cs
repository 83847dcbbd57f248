using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CaseOps.Cmdlets.Cases;
using CaseOps.Cmdlets.Common;
using CaseOps.Downloads;
using CaseOps.Http;
using CaseOps.Incydr;

namespace CaseOps.Cmdlets.FileEvents
{
    /// <summary>
    /// What the case download cmdlets share: case numbers from the pipeline, -Path, -Force, and the
    /// <see cref="FileSaver"/> that checks the target, streams the body and writes the FileInfo.
    /// </summary>
    public abstract class CaseDownloadCmdlet : IncydrCmdlet
    {
        private readonly HashSet<long> _cases = new HashSet<long>();
        private FileSaver? _saver;
        private CaseExportService? _service;

        /// <summary>The case (piped cases and file events bind by their Number or CaseNumber).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Number")]
        [ValidateRange(1, long.MaxValue)]
        public long CaseNumber { get; set; }

        /// <summary>Replaces an existing file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>-Path of the cmdlet: declared by each, so Save-CaseFileEventSource can put -EventId before it.</summary>
        private protected abstract string? TargetPath { get; }

        /// <summary>True for whole-case exports: a case piped twice (e.g. once per file event) is saved once.</summary>
        private protected virtual bool OncePerCase => true;

        private protected CaseExportService Exports => _service ??= new CaseExportService(ResolveConnection(), RequestLog);

        /// <summary>Downloads into -Path and writes the FileInfo, or an error for this item.</summary>
        private protected void Download(string what, string defaultFileName, ErrorContext context, ProblemCodeMap? problems,
            Func<DownloadTarget, StreamingDownloadProgress, CancellationToken, Task<FileInfo>> start)
        {
            if (OncePerCase && !_cases.Add(CaseNumber))
            {
                WriteVerboseLine($"Case {CaseNumber} was saved already by this command");
                return;
            }
            (_saver ??= new FileSaver(this)).Save(TargetPath, Force.IsPresent, what, defaultFileName, start, ex =>
            {
                if (SpecificError(ex) is { } specific)
                    WriteError(specific);
                else
                    WriteApiError(ex, context, problems);
            });
        }

        /// <summary>A more precise record than the status mapping gives, or null.</summary>
        private protected virtual ErrorRecord? SpecificError(CaseOpsApiException ex) => null;

        private protected ErrorContext AboutCase => CaseProblems.About(CaseNumber);
    }
}
