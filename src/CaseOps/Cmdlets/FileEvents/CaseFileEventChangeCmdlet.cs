using System;
using System.Management.Automation;
using CaseOps.Cmdlets.Common;
using CaseOps.Incydr;

namespace CaseOps.Cmdlets.FileEvents
{
    /// <summary>What Add-CaseFileEvent and Remove-CaseFileEvent share: the case, the event ids, the service.</summary>
    public abstract class CaseFileEventChangeCmdlet : IncydrCmdlet
    {
        private CaseFileEventService? _service;

        /// <summary>The case (piped cases and file events bind by their Number or CaseNumber).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Number")]
        [ValidateRange(1, long.MaxValue)]
        public long CaseNumber { get; set; }

        /// <summary>One or many file event ids, also from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] EventId { get; set; } = Array.Empty<string>();

        private protected CaseFileEventService FileEvents => _service ??= new CaseFileEventService(ResolveConnection(), RequestLog);
    }
}
