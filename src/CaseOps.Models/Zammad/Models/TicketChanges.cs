using Newtonsoft.Json.Linq;

namespace CaseOps.Zammad.Models
{
    /// <summary>
    /// What to set on a new or existing ticket. Group, state, priority and owner may be names; the
    /// service turns them into ids before anything is sent, so an unknown name costs no change.
    /// </summary>
    public sealed class TicketChanges
    {
        public string? Title { get; set; }
        public TicketReference? Group { get; set; }
        public TicketReference? State { get; set; }
        public TicketReference? Priority { get; set; }
        public TicketReference? Owner { get; set; }

        /// <summary>A customer id, <c>guess:&lt;email&gt;</c>, or a login or email the server looks up.</summary>
        public string? Customer { get; set; }

        /// <summary>Tags of a new ticket (ignored on updates: tags have their own endpoints).</summary>
        public IList<string>? Tags { get; set; }

        /// <summary>An article to add with the change (the first article of a new ticket).</summary>
        public ArticleDraft? Article { get; set; }

        /// <summary>Any other wire field, custom fields included, by its wire name.</summary>
        public IDictionary<string, JToken> Fields { get; } = new Dictionary<string, JToken>(StringComparer.OrdinalIgnoreCase);

        public bool IsEmpty => Title == null && Group == null && State == null && Priority == null && Owner == null
            && Customer == null && (Tags == null || Tags.Count == 0) && Article == null && Fields.Count == 0;
    }

    /// <summary>An article to create with a ticket or a ticket change.</summary>
    public sealed class ArticleDraft
    {
        public string Body { get; set; } = string.Empty;
        public string? Type { get; set; }
        public bool Internal { get; set; }
        public string? Subject { get; set; }
        public string? ContentType { get; set; }
    }
}
