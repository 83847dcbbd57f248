using System.Collections;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Tickets
{
    /// <summary>How New-Ticket and Set-Ticket turn their field parameters into the changes they send.</summary>
    internal static class TicketFieldParameters
    {
        /// <summary>Copies -Property, then the named field parameters that were given, onto <paramref name="changes"/>: parameters win over -Property.</summary>
        public static void Apply(TicketChanges changes, Hashtable? property, string? group, string? state, string? priority, string? owner)
        {
            foreach (var field in PowerShellJson.Fields(property))
                changes.Fields[field.Key] = field.Value;
            if (group != null) changes.Group = TicketReference.Parse(group);
            if (state != null) changes.State = TicketReference.Parse(state);
            if (priority != null) changes.Priority = TicketReference.Parse(priority);
            if (owner != null) changes.Owner = TicketReference.Parse(owner);
        }
    }
}
