using System.Management.Automation;
using CaseOps.Cmdlets.Common;

namespace CaseOps.Cmdlets.Links
{
    /// <summary>What Add-TicketLink and Remove-TicketLink share: the ticket, the linked ticket, the type.</summary>
    public abstract class TicketLinkCmdlet : ZammadCmdlet
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

        /// <summary>Refuses a link of a ticket to itself; true when the pair is usable.</summary>
        private protected bool CheckPair()
        {
            if (TicketId != LinkedTicketId)
                return true;
            WriteError(new ErrorRecord(new PSArgumentException($"Ticket {TicketId} cannot be linked to itself."), "LinkToSelf", ErrorCategory.InvalidArgument, TicketId));
            return false;
        }
    }
}
