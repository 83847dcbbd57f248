using System.Management.Automation;

namespace CaseOps.Cmdlets.FileEvents
{
    /// <summary>The whole-case exports: -Path right after the case number.</summary>
    public abstract class CaseExportCmdlet : CaseDownloadCmdlet
    {
        /// <summary>An existing folder (the file gets the server's name) or a file path; the current folder when omitted.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        private protected override string? TargetPath => Path;
    }
}
