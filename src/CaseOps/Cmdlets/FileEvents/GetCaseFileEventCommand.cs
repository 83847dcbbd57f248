using CaseOps.Cmdlets.Cases;
using CaseOps.Http;
using CaseOps.Incydr;
using CaseOps.Incydr.Models;

namespace CaseOps.Cmdlets.FileEvents
{
    /// <summary>Lists the file events of a case page by page, or gets the full detail of some.</summary>
    [Cmdlet(VerbsCommon.Get, "CaseFileEvent", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(CaseFileEvent), ParameterSetName = new[] { ListSet })]
    [OutputType(typeof(FileEventDetail), ParameterSetName = new[] { DetailSet })]
    public sealed class GetCaseFileEventCommand : IncydrCmdlet
    {
        private const string ListSet = "List";
        private const string DetailSet = "Detail";

        /// <summary>The case (piped cases and file events bind by their Number or CaseNumber).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Number")]
        [ValidateRange(1, long.MaxValue)]
        public long CaseNumber { get; set; }

        /// <summary>Events to read in full instead of listing the case's events.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = DetailSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] EventId { get; set; } = Array.Empty<string>();

        /// <summary>Events per request; larger pages mean fewer round trips.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, CaseFileEventService.MaxPageSize)]
        public int PageSize { get; set; } = 500;

        protected override void ProcessRecord()
        {
            var service = new CaseFileEventService(ResolveConnection(), RequestLog);
            if (ParameterSetName == DetailSet)
            {
                foreach (var raw in EventId)
                {
                    var id = raw.Trim();
                    Attempt(() => WriteObject(Await(service.GetAsync(CaseNumber, id, CancellationToken))), FileEventProblems.About(CaseNumber, id), CaseProblems.Map);
                }
                return;
            }
            Attempt(() => WriteStream(service.List(CaseNumber, PagingOptions(PageSize)), $"Listing the file events of case {CaseNumber}", PagingParameters?.IncludeTotalCount == true, target: CaseNumber), CaseProblems.About(CaseNumber), CaseProblems.Map);
        }
    }
}
