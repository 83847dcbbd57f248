using CaseOps.Http;
using CaseOps.Zammad;

namespace CaseOps.Cmdlets.Tickets
{
    /// <summary>Deletes Zammad tickets with their articles. It cannot be undone, so it asks first unless -Confirm:$false or -Force.</summary>
    [Cmdlet(VerbsCommon.Remove, "Ticket", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveTicketCommand : Common.ZammadCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("TicketId")]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = Array.Empty<long>();

        /// <summary>Deletes without asking, as -Confirm:$false does.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var service = new TicketService(ResolveConnection(), RequestLog);
            foreach (var id in Id)
            {
                Attempt(() =>
                {
                    var ticket = TicketPrompt.ReadIfShown(this, service, id, Force);
                    if (!ShouldProcess(TicketPrompt.Target(ticket, id), "Delete", Force))
                        return;
                    Await(service.RemoveAsync(id, CancellationToken));
                    WriteVerboseLine($"Deleted ticket {id}");
                }, TicketProblems.About(id));
            }
        }
    }
}
