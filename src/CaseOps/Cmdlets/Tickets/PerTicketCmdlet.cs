using System;
using System.Management.Automation;
using CaseOps.Cmdlets.Common;

namespace CaseOps.Cmdlets.Tickets
{
    /// <summary>Base of the cmdlets that act on each of some tickets, given by id or piped.</summary>
    public abstract class PerTicketCmdlet : ZammadCmdlet
    {
        /// <summary>The tickets (piped tickets bind by their Id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1, long.MaxValue)]
        public long[] TicketId { get; set; } = Array.Empty<long>();
    }
}
