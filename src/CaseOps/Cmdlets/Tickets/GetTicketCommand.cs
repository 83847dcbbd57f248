using CaseOps.Http;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Tickets
{
    /// <summary>Gets Zammad tickets by id, all of them, or those a search query matches, streaming page by page.</summary>
    [Cmdlet(VerbsCommon.Get, "Ticket", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Ticket))]
    public sealed class GetTicketCommand : ZammadCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "ById";
        private const string QuerySet = "Query";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("TicketId")]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = Array.Empty<long>();

        /// <summary>A search in Zammad's query syntax, e.g. 'state.name:new AND title:USB'.</summary>
        [Parameter(Mandatory = true, ParameterSetName = QuerySet)]
        [ValidateNotNullOrEmpty]
        public string? Query { get; set; }

        /// <summary>The ticket field to sort the search by (default: updated_at, newest first).</summary>
        [Parameter(ParameterSetName = QuerySet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TicketSortFieldCompleter))]
        public string? SortBy { get; set; }

        /// <summary>Sorts the search results in descending order.</summary>
        [Parameter(ParameterSetName = QuerySet)]
        public SwitchParameter Descending { get; set; }

        /// <summary>Adds the names of group, state, priority, owner and customer next to their ids.</summary>
        [Parameter]
        public SwitchParameter Expand { get; set; }

        /// <summary>Tickets per request: at most 100 for a listing, 200 for a search.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = QuerySet)]
        [ValidateRange(1, TicketService.MaxSearchPageSize)]
        public int PageSize { get; set; } = 100;

        protected override void BeginProcessing()
        {
            if (ParameterSetName == ListSet && PageSize > TicketService.MaxListPageSize)
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentOutOfRangeException(nameof(PageSize), $"Zammad lists at most {TicketService.MaxListPageSize} tickets per page (searches up to {TicketService.MaxSearchPageSize})."),
                    "PageSizeTooLarge", ErrorCategory.InvalidArgument, PageSize));
        }

        protected override void ProcessRecord()
        {
            var service = new TicketService(ResolveConnection(), RequestLog);
            switch (ParameterSetName)
            {
                case IdSet:
                    foreach (var id in Id)
                    {
                        Attempt(() => WriteObject(TicketOutput.ToPSObject(Await(service.GetAsync(id, Expand.IsPresent, CancellationToken)))), TicketProblems.About(id));
                    }
                    break;
                case QuerySet:
                    var search = new TicketSearch(Query!)
                    {
                        SortBy = SortBy,
                        // Without -SortBy or -Descending the server's order stands: last updated first.
                        Descending = IsBound(nameof(Descending)) || SortBy != null ? Descending.IsPresent : (bool?)null,
                        Expand = Expand.IsPresent,
                    };
                    if (search.SortBy == null && search.Descending == true)
                        search.SortBy = "updated_at";
                    Stream(service.Search(search, PagingOptions(PageSize)), $"Searching Zammad tickets for {Query}", "The ticket search");
                    break;
                default:
                    Stream(service.List(Expand.IsPresent, PagingOptions(PageSize)), "Listing Zammad tickets", "The ticket listing");
                    break;
            }
        }

        private void Stream(Paging.PageStream<Ticket> stream, string activity, string subject)
        {
            Attempt(() => WriteStream(stream, activity, PagingParameters?.IncludeTotalCount == true, TicketOutput.ToPSObject, Query), new ErrorContext(subject, "TicketListFailed", Query));
        }
    }
}
