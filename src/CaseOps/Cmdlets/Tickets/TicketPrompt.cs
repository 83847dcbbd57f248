using System.Globalization;
using System.Linq;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;
using Newtonsoft.Json.Linq;

namespace CaseOps.Cmdlets.Tickets
{
    /// <summary>
    /// What the prompts of the ticket cmdlets say (docs/architecture.md, "Prompts"): the ticket by number and
    /// title, <c>Ticket #31001 'VPN broken'</c>, and a change as its fields old -> new, group, state, priority
    /// and owner by name.
    /// </summary>
    internal static class TicketPrompt
    {
        /// <summary><c>Ticket #31001 'VPN broken'</c>.</summary>
        public static string Target(Ticket ticket) => ChangeDescription.Target("Ticket", "#" + ticket.Number, ticket.Title);

        /// <summary>The ticket by number and title when it was read, else by its id: <c>Ticket 7</c>.</summary>
        public static string Target(Ticket? ticket, long id) =>
            ticket != null ? Target(ticket) : "Ticket " + id.ToString(CultureInfo.InvariantCulture);

        /// <summary>
        /// The ticket, read to name it in the prompt when the prompt will be shown (<see cref="PromptVisibility"/>);
        /// null when nobody would see the name. A ticket that cannot be read fails here, before anything changes.
        /// </summary>
        public static Ticket? ReadIfShown(ZammadCmdlet cmdlet, TicketService service, long id, bool force = false) =>
            PromptVisibility.IsShown(cmdlet, force) ? cmdlet.Await(service.GetAsync(id, expand: true, cmdlet.CancellationToken)) : null;

        /// <summary>The action of an update: <c>Update State: 'open' -> 'closed'; Owner: '-' -> 'nicole.braun'</c>.</summary>
        public static string Update(ChangeDescription change) => change.IsEmpty ? "Update (no field changes)" : "Update " + change;

        /// <summary>
        /// The fields <paramref name="changes"/> sets, old -> new from <paramref name="before"/>, or only the new
        /// values when the ticket was not read (or is being created). Names are spelled as the catalog spells
        /// them; an unknown one throws <see cref="ZammadLookupException"/>, as the change itself would.
        /// <paramref name="titleInTarget"/> leaves out the title of a new ticket, which the target names already.
        /// </summary>
        public static ChangeDescription Describe(ZammadCmdlet cmdlet, Ticket? before, TicketChanges changes, bool titleInTarget = false)
        {
            var description = new ChangeDescription();
            var catalog = cmdlet.ResolveConnection().Catalog;
            JObject? beforeJson = null;

            void Add(string label, object? value, Func<Ticket, object?> old)
            {
                if (before == null)
                    description.Set(label, value);
                else
                    description.Field(label, old(before), value);
            }

            object? Named(CatalogKind kind, TicketReference reference) =>
                cmdlet.Await(catalog.NameAsync(kind, reference, cmdlet.RequestLog, cmdlet.CancellationToken));

            if (changes.Title != null && !titleInTarget) Add("Title", changes.Title, t => t.Title);
            if (changes.Group != null) Add("Group", Named(CatalogKind.Group, changes.Group), t => t.Group ?? (object)t.GroupId);
            if (changes.State != null) Add("State", Named(CatalogKind.State, changes.State), t => t.State ?? (object)t.StateId);
            if (changes.Priority != null) Add("Priority", Named(CatalogKind.Priority, changes.Priority), t => t.Priority ?? (object)t.PriorityId);
            if (changes.Owner != null) Add("Owner", Named(CatalogKind.Owner, changes.Owner), t => t.Owner ?? (object)t.OwnerId);
            if (changes.Customer != null) Add("Customer", changes.Customer, t => t.Customer ?? (object)t.CustomerId);
            if (changes.Tags != null && changes.Tags.Count > 0) description.Set("Tags", changes.Tags.Select(t => t.Trim()).ToArray());
            foreach (var field in changes.Fields)
            {
                // Any wire field, custom ones included: its old value as the ticket's JSON holds it.
                Add(field.Key, Json.PlainJson.ToPlain(field.Value), t => Json.PlainJson.ToPlain((beforeJson ??= JObject.FromObject(t)).GetValue(field.Key, StringComparison.OrdinalIgnoreCase)));
            }
            if (changes.Article != null) description.Set("Article", changes.Article.Body);
            return description;
        }
    }
}
