using CaseOps.Connections;
using CaseOps.Http;
using CaseOps.Incydr;
using CaseOps.Incydr.Models;

namespace CaseOps.Cmdlets.Users
{
    /// <summary>
    /// Gets the users of the Incydr tenant, streaming page by page, or users by id. What it reads also fills the
    /// connection's user directory, so naming those users in -Assignee or -Subject later costs no request.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IncydrUser", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(IncydrUser))]
    public sealed class GetIncydrUserCommand : IncydrCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "ById";

        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] UserId { get; set; } = Array.Empty<string>();

        /// <summary>Only the user with this username (the whole name, usually an email address).</summary>
        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(IncydrUsernameCompleter))]
        public string? Username { get; set; }

        /// <summary>-Active: only active users; -Active:$false: only deactivated ones.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter Active { get; set; }

        /// <summary>-Blocked: only blocked users; -Blocked:$false: only users not blocked.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter Blocked { get; set; }

        /// <summary>Users per request; larger pages mean fewer round trips.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, IncydrUserService.MaxPageSize)]
        public int PageSize { get; set; } = 100;

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            var service = new IncydrUserService(connection, RequestLog);
            if (ParameterSetName == IdSet)
            {
                foreach (var id in UserId)
                    Attempt(() => WriteObject(Remembered(connection, Await(service.GetAsync(id, CancellationToken)))), new ErrorContext($"User '{id}'", "UserNotFound", id));
                return;
            }

            var filter = new IncydrUserFilter
            {
                Username = Username,
                Active = IsBound(nameof(Active)) ? Active.IsPresent : (bool?)null,
                Blocked = IsBound(nameof(Blocked)) ? Blocked.IsPresent : (bool?)null,
            };
            Attempt(() => WriteStream(service.List(filter, PagingOptions(PageSize)), "Listing Incydr users", PagingParameters?.IncludeTotalCount == true,
                user => Remembered(connection, user)), new ErrorContext("The user listing", "UserListFailed", null));
        }

        private static IncydrUser Remembered(IncydrConnection connection, IncydrUser user)
        {
            connection.Users.Remember(user);
            return user;
        }
    }
}
