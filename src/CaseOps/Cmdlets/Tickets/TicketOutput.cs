using CaseOps.Zammad.Models;
using Newtonsoft.Json.Linq;

namespace CaseOps.Cmdlets.Tickets
{
    /// <summary>
    /// Tickets as PowerShell sees them: each custom field of the installation becomes a property
    /// (<c>$ticket.incident_ref</c>), and edits of those properties can be read back for Set-Ticket.
    /// </summary>
    internal static class TicketOutput
    {
        public static PSObject ToPSObject(Ticket ticket)
        {
            // Instance members of a wrapped .NET object stay attached to the object itself, so they
            // are still there when the Ticket is bound to Set-Ticket -InputObject.
            var wrapped = PSObject.AsPSObject(ticket);
            foreach (var field in ticket.CustomFields)
            {
                if (wrapped.Properties[field.Key] == null)
                    wrapped.Properties.Add(new PSNoteProperty(field.Key, PowerShellJson.ToPowerShell(field.Value)));
            }
            return wrapped;
        }

        /// <summary>The custom fields whose property value differs from what the server sent.</summary>
        public static IEnumerable<KeyValuePair<string, JToken>> EditedCustomFields(Ticket ticket)
        {
            var wrapped = PSObject.AsPSObject(ticket);
            foreach (var field in ticket.CustomFields)
            {
                if (!(wrapped.Properties[field.Key] is PSNoteProperty property))
                    continue;
                var current = PowerShellJson.FromPowerShell(property.Value);
                if (!JToken.DeepEquals(current, field.Value))
                    yield return new KeyValuePair<string, JToken>(field.Key, current);
            }
        }
    }
}
