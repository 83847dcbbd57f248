using System.Collections;
using System.Management.Automation;
using CaseOps.Cmdlets.Common;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Tickets
{
    /// <summary>The ticket fields New-Ticket and Set-Ticket both take.</summary>
    public abstract class TicketFieldsCmdlet : ZammadCmdlet
    {
        /// <summary>Group name or id.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(GroupCompleter))]
        public string? Group { get; set; }

        /// <summary>State name (new, open, closed, ...) or id.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(StateCompleter))]
        public string? State { get; set; }

        /// <summary>Priority name or id.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PriorityCompleter))]
        public string? Priority { get; set; }

        /// <summary>The agent who owns the ticket: login, email or id (1 = unassigned).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(OwnerCompleter))]
        public string? Owner { get; set; }

        /// <summary>Any other field by its Zammad name, custom fields included, e.g. @{ incident_ref = 'IR-7' }.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Property { get; set; }

        /// <summary>Copies the bound field parameters onto <paramref name="changes"/>; parameters win over -Property.</summary>
        private protected void ApplyFieldParameters(TicketChanges changes)
        {
            foreach (var field in PowerShellJson.Fields(Property))
                changes.Fields[field.Key] = field.Value;
            if (Group != null) changes.Group = TicketReference.Parse(Group);
            if (State != null) changes.State = TicketReference.Parse(State);
            if (Priority != null) changes.Priority = TicketReference.Parse(Priority);
            if (Owner != null) changes.Owner = TicketReference.Parse(Owner);
        }
    }
}
