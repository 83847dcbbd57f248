using System;
using System.Management.Automation;
using CaseOps.Cmdlets.Common;
using CaseOps.Cmdlets.Tickets;
using CaseOps.Http;
using CaseOps.Zammad;

namespace CaseOps.Cmdlets.Tags
{
    /// <summary>What Add-TicketTag and Remove-TicketTag share: tickets from the pipeline, tag names, -PassThru.</summary>
    public abstract class TicketTagCmdlet : ZammadCmdlet
    {
        /// <summary>The tickets (piped tickets and ticket tags bind by their Id or TicketId).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1, long.MaxValue)]
        public long[] TicketId { get; set; } = Array.Empty<long>();

        /// <summary>One or more tag names.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateTagName]
        [ArgumentCompleter(typeof(TagNameCompleter))]
        public string[] Name { get; set; } = Array.Empty<string>();

        /// <summary>Returns each changed ticket.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private protected abstract string Action { get; }

        private protected abstract System.Threading.Tasks.Task ChangeAsync(TagService tags, long ticketId, string name);

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            var tags = new TagService(connection, RequestLog);
            foreach (var ticketId in TicketId)
            {
                if (!ShouldProcess($"Ticket {ticketId}", $"{Action} tag(s) {string.Join(", ", Name)}"))
                    continue;
                try
                {
                    foreach (var name in Name)
                        Await(ChangeAsync(tags, ticketId, name.Trim()));
                    if (PassThru)
                        WriteObject(TicketOutput.ToPSObject(Await(new TicketService(connection, RequestLog).GetAsync(ticketId, expand: true, CancellationToken))));
                }
                catch (CaseOpsApiException ex)
                {
                    WriteApiError(ex, TicketProblems.About(ticketId));
                }
            }
        }
    }
}
