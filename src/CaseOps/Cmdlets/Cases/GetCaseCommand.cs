using CaseOps.Cmdlets.Users;
using CaseOps.Http;
using CaseOps.Incydr;
using CaseOps.Incydr.Models;

namespace CaseOps.Cmdlets.Cases
{
    /// <summary>Gets Incydr cases by number, or lists them with filters, streaming page by page.</summary>
    [Cmdlet(VerbsCommon.Get, "Case", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Case))]
    public sealed class GetCaseCommand : IncydrCmdlet
    {
        private const string ListSet = "List";
        private const string NumberSet = "ByNumber";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NumberSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CaseNumber")]
        [ValidateRange(1, long.MaxValue)]
        public long[] Number { get; set; } = Array.Empty<long>();

        /// <summary>Part of the case name (case-insensitive on the emulator).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public CaseStatus[]? Status { get; set; }

        /// <summary>The assignee: a username, a user id or an IncydrUser.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [IncydrUserArgument]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(IncydrUsernameCompleter))]
        public string? Assignee { get; set; }

        /// <summary>-IsAssigned: only cases with an assignee; -IsAssigned:$false: only cases without one.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter IsAssigned { get; set; }

        /// <summary>The person the case is about: a username, a user id or an IncydrUser.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [IncydrUserArgument]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(IncydrUsernameCompleter))]
        public string? Subject { get; set; }

        /// <summary>User UID of whoever changed the case last.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? LastModifiedBy { get; set; }

        [Parameter(ParameterSetName = ListSet)] public DateTimeOffset CreatedAfter { get; set; }
        [Parameter(ParameterSetName = ListSet)] public DateTimeOffset CreatedBefore { get; set; }
        [Parameter(ParameterSetName = ListSet)] public DateTimeOffset UpdatedAfter { get; set; }
        [Parameter(ParameterSetName = ListSet)] public DateTimeOffset UpdatedBefore { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public CaseSortProperty SortBy { get; set; } = CaseSortProperty.Number;

        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter Descending { get; set; }

        /// <summary>Cases per request; larger pages mean fewer round trips.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, CaseService.MaxPageSize)]
        public int PageSize { get; set; } = 100;

        protected override void ProcessRecord()
        {
            var service = new CaseService(ResolveConnection(), RequestLog);
            if (ParameterSetName == NumberSet)
            {
                foreach (var number in Number)
                {
                    Attempt(() => WriteObject(Await(service.GetAsync(number, CancellationToken))), CaseProblems.About(number), CaseProblems.Map);
                }
                return;
            }

            // The API filters by user id; a user it does not know is reported before the listing is asked for.
            var users = new IncydrUserResolver(this);
            if (!users.TryResolve(Assignee, out var assignee) || !users.TryResolve(Subject, out var subject))
                return;
            var filter = new CaseFilter
            {
                Name = Name,
                Status = Status,
                Assignee = assignee.Id,
                IsAssigned = IsBound(nameof(IsAssigned)) ? IsAssigned.IsPresent : (bool?)null,
                Subject = subject.Id,
                LastModifiedBy = LastModifiedBy,
                CreatedAfter = Instant(nameof(CreatedAfter), CreatedAfter),
                CreatedBefore = Instant(nameof(CreatedBefore), CreatedBefore),
                UpdatedAfter = Instant(nameof(UpdatedAfter), UpdatedAfter),
                UpdatedBefore = Instant(nameof(UpdatedBefore), UpdatedBefore),
                SortBy = SortBy,
                Descending = Descending.IsPresent,
            };
            Attempt(() => WriteStream(service.List(filter, PagingOptions(PageSize)), "Listing Incydr cases", PagingParameters?.IncludeTotalCount == true), new ErrorContext("The case listing", "CaseListFailed", null), CaseProblems.Map);
        }

        // DateTimeOffset takes Get-Date values (local time), the module's own CreatedAt/UpdatedAt and strings alike.
        private DateTimeOffset? Instant(string name, DateTimeOffset value) => IsBound(name) ? value.ToUniversalTime() : (DateTimeOffset?)null;
    }
}
