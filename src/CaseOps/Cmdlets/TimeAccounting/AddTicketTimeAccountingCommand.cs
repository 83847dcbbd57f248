using CaseOps.Cmdlets.Tickets;
using CaseOps.Http;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.TimeAccounting
{
    /// <summary>Accounts time worked on tickets, with a type given by name or id.</summary>
    [Cmdlet(VerbsCommon.Add, "TicketTimeAccounting", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(TicketTimeAccounting))]
    public sealed class AddTicketTimeAccountingCommand : ZammadCmdlet
    {
        /// <summary>The tickets (piped tickets bind by their Id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1, long.MaxValue)]
        public long[] TicketId { get; set; } = Array.Empty<long>();

        /// <summary>The time to account, in the helpdesk's unit (minutes by default), e.g. 15 or 0.5.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateRange(0.01, 1000000)]
        public decimal TimeUnit { get; set; }

        /// <summary>The accounting type, by name or id.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TimeAccountingTypeCompleter))]
        public string? Type { get; set; }

        /// <summary>The article the time belongs to.</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long ArticleId { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            var time = new TimeAccountingService(connection, RequestLog);
            var tickets = new TicketService(connection, RequestLog);
            var type = Type == null ? null : TicketReference.Parse(Type);
            var action = "Account " + ChangeDescription.Show(TimeUnit) + (Type == null ? string.Empty : " as " + ChangeDescription.Show(Type))
                + (IsBound(nameof(ArticleId)) ? " on article " + ChangeDescription.Show(ArticleId) : string.Empty);
            foreach (var ticketId in TicketId)
            {
                try
                {
                    Attempt(() =>
                    {
                        if (!ShouldProcess(TicketPrompt.Target(TicketPrompt.ReadIfShown(this, tickets, ticketId), ticketId), action))
                            return;
                        WriteObject(Await(time.AddAsync(ticketId, TimeUnit, type, IsBound(nameof(ArticleId)) ? ArticleId : (long?)null, CancellationToken)));
                    }, TicketProblems.About(ticketId));
                }
                catch (ZammadLookupException ex)
                {
                    // The same for every ticket: stop rather than repeat it.
                    ThrowTerminatingError(TicketProblems.UnknownName(ex, Type));
                }
            }
        }
    }
}
