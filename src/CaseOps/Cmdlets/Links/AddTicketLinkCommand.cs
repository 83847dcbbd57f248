using CaseOps.Cmdlets.Tickets;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Links
{
    /// <summary>
    /// Links two tickets. -LinkType says what the linked ticket is to -TicketId, as Get-TicketLink on
    /// -TicketId then shows it: parent, child or normal. Linking twice changes nothing.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "TicketLink", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(TicketLink))]
    public sealed class AddTicketLinkCommand : ZammadCmdlet
    {
        /// <summary>The ticket whose link it is (piped tickets bind by their Id, piped links by FromTicketId).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FromTicketId")]
        [ValidateRange(1, long.MaxValue)]
        public long TicketId { get; set; }

        /// <summary>The other ticket (its id; piped links bind by their Id).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1, long.MaxValue)]
        public long LinkedTicketId { get; set; }

        /// <summary>What the linked ticket is to -TicketId: normal (the default), parent or child; named as TicketLink.LinkType names it.</summary>
        [Parameter]
        [Alias("Type")]
        [ValidateSet("normal", "parent", "child")]
        public string LinkType { get; set; } = "normal";

        /// <summary>Returns the link as Get-TicketLink shows it.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (!TicketLinkPair.Check(this, TicketId, LinkedTicketId))
                return;
            var connection = ResolveConnection();
            var tickets = new TicketService(connection, RequestLog);
            Ticket? ticket = null, linked = null;
            // Both must exist (Zammad reports a missing one only as "No such object!"); the API
            // names the linked ticket by number, which this read also provides, as it gives the prompt both titles.
            if (!Attempt(() => ticket = Await(tickets.GetAsync(TicketId, expand: true, CancellationToken)), TicketProblems.About(TicketId))
                || !Attempt(() => linked = Await(tickets.GetAsync(LinkedTicketId, expand: true, CancellationToken)),
                    TicketLinkPair.AboutLinked(LinkedTicketId)))
                return;
            var type = LinkType.ToLowerInvariant();
            var role = type == "normal" ? "with a normal link" : "as its " + type;
            if (!ShouldProcess(TicketPrompt.Target(ticket!), $"Link {TicketPrompt.Target(linked!)} {role}"))
                return;
            var links = new LinkService(connection, RequestLog);
            Attempt(() =>
            {
                Await(links.AddAsync(TicketId, type, linked!.Number, CancellationToken));
                if (!PassThru)
                    return;
                foreach (var link in Await(links.ListAsync(TicketId, CancellationToken)))
                    if (link.Id == LinkedTicketId && link.LinkType == type)
                        WriteObject(link);
            }, TicketProblems.About(TicketId));
        }
    }
}
