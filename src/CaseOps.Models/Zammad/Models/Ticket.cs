using System.Runtime.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CaseOps.Zammad.Models
{
    /// <summary>
    /// A Zammad ticket. The ids of its associations are always filled. <see cref="Group"/>,
    /// <see cref="State"/>, <see cref="Priority"/> and <see cref="Owner"/> are named too: by the server
    /// when it expanded them (<c>Get-Ticket -Expand</c>, and what New-Ticket, Set-Ticket and
    /// Merge-Ticket return), else from the connection's catalog (src/CaseOps.Engine/Zammad/TicketNames.cs);
    /// the other names (<see cref="Customer"/>, <see cref="CreatedBy"/>, ...) only when expanded. Custom
    /// fields of the installation are kept in <see cref="CustomFields"/> and appear as properties in PowerShell.
    /// </summary>
    public sealed class Ticket
    {
        private EditableFields? _asReceived;

        // Not public: PowerShell would otherwise build a Ticket from any object with matching
        // properties (a CSV row), and Set-Ticket would take every field of it as an edit.
        [JsonConstructor]
        internal Ticket()
        {
        }

        [JsonProperty("id", Required = Required.Always)] public long Id { get; set; }
        [JsonProperty("number", Required = Required.Always)] public string Number { get; set; } = string.Empty;
        [JsonProperty("title", Required = Required.Always)] public string Title { get; set; } = string.Empty;
        [JsonProperty("group_id", Required = Required.Always)] public long GroupId { get; set; }
        [JsonProperty("group")] public string? Group { get; set; }
        [JsonProperty("state_id", Required = Required.Always)] public long StateId { get; set; }
        [JsonProperty("state")] public string? State { get; set; }
        [JsonProperty("priority_id", Required = Required.Always)] public long PriorityId { get; set; }
        [JsonProperty("priority")] public string? Priority { get; set; }
        [JsonProperty("owner_id", Required = Required.Always)] public long OwnerId { get; set; }
        [JsonProperty("owner")] public string? Owner { get; set; }
        [JsonProperty("customer_id", Required = Required.Always)] public long CustomerId { get; set; }
        [JsonProperty("customer")] public string? Customer { get; set; }
        [JsonProperty("organization_id")] public long? OrganizationId { get; set; }
        [JsonProperty("organization")] public string? Organization { get; set; }
        [JsonProperty("note")] public string? Note { get; set; }
        [JsonProperty("type")] public string? Type { get; set; }
        [JsonProperty("pending_time")] public DateTimeOffset? PendingTime { get; set; }
        [JsonProperty("created_at", Required = Required.Always)] public DateTimeOffset CreatedAt { get; set; }
        [JsonProperty("updated_at", Required = Required.Always)] public DateTimeOffset UpdatedAt { get; set; }
        [JsonProperty("created_by_id", Required = Required.Always)] public long CreatedById { get; set; }
        [JsonProperty("created_by")] public string? CreatedBy { get; set; }
        [JsonProperty("updated_by_id", Required = Required.Always)] public long UpdatedById { get; set; }
        [JsonProperty("updated_by")] public string? UpdatedBy { get; set; }
        [JsonProperty("article_count")] public int? ArticleCount { get; set; }
        [JsonProperty("article_ids")] public long[]? ArticleIds { get; set; }
        [JsonProperty("time_unit")] public string? TimeUnit { get; set; }
        [JsonProperty("first_response_at")] public DateTimeOffset? FirstResponseAt { get; set; }
        [JsonProperty("close_at")] public DateTimeOffset? CloseAt { get; set; }
        [JsonProperty("last_contact_at")] public DateTimeOffset? LastContactAt { get; set; }
        [JsonProperty("escalation_at")] public DateTimeOffset? EscalationAt { get; set; }

        /// <summary>The ticket in the helpdesk's web interface.</summary>
        [JsonIgnore]
        public Uri? WebUrl { get; internal set; }

        // Read-only bookkeeping the server sends: typed so it does not show up as custom fields, and
        // internal so PowerShell does not show it (the models know nothing of PowerShell, so they cannot
        // use its [Hidden]; docs/architecture.md, "Layers" and "Output types").
        [JsonProperty("first_response_escalation_at")] internal DateTimeOffset? FirstResponseEscalationAt { get; set; }
        [JsonProperty("close_escalation_at")] internal DateTimeOffset? CloseEscalationAt { get; set; }
        [JsonProperty("update_escalation_at")] internal DateTimeOffset? UpdateEscalationAt { get; set; }
        [JsonProperty("last_close_at")] internal DateTimeOffset? LastCloseAt { get; set; }
        [JsonProperty("last_contact_agent_at")] internal DateTimeOffset? LastContactAgentAt { get; set; }
        [JsonProperty("last_contact_customer_at")] internal DateTimeOffset? LastContactCustomerAt { get; set; }
        [JsonProperty("last_owner_update_at")] internal DateTimeOffset? LastOwnerUpdateAt { get; set; }
        [JsonProperty("first_response_in_min")] internal int? FirstResponseInMin { get; set; }
        [JsonProperty("first_response_diff_in_min")] internal int? FirstResponseDiffInMin { get; set; }
        [JsonProperty("close_in_min")] internal int? CloseInMin { get; set; }
        [JsonProperty("close_diff_in_min")] internal int? CloseDiffInMin { get; set; }
        [JsonProperty("update_in_min")] internal int? UpdateInMin { get; set; }
        [JsonProperty("update_diff_in_min")] internal int? UpdateDiffInMin { get; set; }
        [JsonProperty("create_article_type_id")] internal long? CreateArticleTypeId { get; set; }
        [JsonProperty("create_article_type")] internal string? CreateArticleType { get; set; }
        [JsonProperty("create_article_sender_id")] internal long? CreateArticleSenderId { get; set; }
        [JsonProperty("create_article_sender")] internal string? CreateArticleSender { get; set; }
        [JsonProperty("ticket_time_accounting_ids")] internal long[]? TimeAccountingIds { get; set; }

        // Free-form JSON stays internal: ConvertTo-Json, Export-Csv, Export-Clixml and Select-Object
        // read every public property and fail on or leak JToken internals
        // (docs/architecture.md, Output types). Newtonsoft binds [JsonProperty] and
        // [JsonExtensionData] on internal members all the same.
        [JsonProperty("ticket_time_accounting")] internal JToken? TimeAccounting { get; set; }
        [JsonProperty("preferences")] internal JObject? Preferences { get; set; }

        /// <summary>
        /// Fields this version of CaseOps does not know: the installation's custom ticket fields,
        /// as the server sent them. PowerShell users see each as a property of its own
        /// (src/CaseOps/Cmdlets/Tickets/TicketOutput.cs), holding a plain value.
        /// </summary>
        [JsonExtensionData]
        internal IDictionary<string, JToken> CustomFields { get; set; } = new Dictionary<string, JToken>();

        /// <summary>
        /// The installation's custom ticket fields by name, as plain values (strings, numbers,
        /// booleans, dates, arrays, PSCustomObject), as the server sent them. A new dictionary:
        /// to change a field, set the ticket's property of that name and pipe it to Set-Ticket.
        /// </summary>
        public System.Collections.Specialized.OrderedDictionary GetCustomFields() => CaseOps.Json.PlainJson.ToDictionary(CustomFields);

        public override string ToString() => $"Ticket #{Number}: {Title}";

        /// <summary>
        /// Fills the names of group, state, priority and owner the server left out, as if it had sent them:
        /// they are not edits, so Set-Ticket does not send them back. A name already there stays.
        /// </summary>
        internal void AddNames(string? group, string? state, string? priority, string? owner)
        {
            Group ??= group;
            State ??= state;
            Priority ??= priority;
            Owner ??= owner;
            _asReceived?.TakeNames(this);
        }

        /// <summary>
        /// A copy of this ticket with its built-in fields as the server sent them (edits undone), so a
        /// prompt can say what changes from what. Custom fields are kept as received either way.
        /// </summary>
        internal Ticket AsReceived()
        {
            var copy = (Ticket)MemberwiseClone();
            _asReceived?.CopyTo(copy);
            return copy;
        }

        /// <summary>True when a built-in field was changed since the server sent this object.</summary>
        internal bool HasEdits => _asReceived is { } received && received.Differs(this);

        /// <summary>Copies the built-in fields changed since the server sent this object onto <paramref name="changes"/>.</summary>
        internal void ApplyEditsTo(TicketChanges changes) => _asReceived?.ApplyDifferences(this, changes);

        [OnDeserialized]
        private void OnDeserialized(StreamingContext context)
        {
            CustomFields ??= new Dictionary<string, JToken>();
            _asReceived = new EditableFields(this);
        }

        /// <summary>The writable built-in fields as they arrived.</summary>
        private sealed class EditableFields
        {
            private readonly string _title;
            private readonly long _groupId, _stateId, _priorityId, _ownerId, _customerId;
            private readonly long? _organizationId;
            private readonly string? _customer, _note;
            private string? _group, _state, _priority, _owner;
            private readonly DateTimeOffset? _pendingTime;

            public EditableFields(Ticket t)
            {
                _title = t.Title;
                _groupId = t.GroupId; _group = t.Group;
                _stateId = t.StateId; _state = t.State;
                _priorityId = t.PriorityId; _priority = t.Priority;
                _ownerId = t.OwnerId; _owner = t.Owner;
                _customerId = t.CustomerId; _customer = t.Customer;
                _organizationId = t.OrganizationId;
                _note = t.Note;
                _pendingTime = t.PendingTime;
            }

            /// <summary>Takes the names filled after arrival (<see cref="AddNames"/>) as received; only where none arrived.</summary>
            public void TakeNames(Ticket t)
            {
                _group ??= t.Group;
                _state ??= t.State;
                _priority ??= t.Priority;
                _owner ??= t.Owner;
            }

            public void CopyTo(Ticket t)
            {
                t.Title = _title;
                t.GroupId = _groupId; t.Group = _group;
                t.StateId = _stateId; t.State = _state;
                t.PriorityId = _priorityId; t.Priority = _priority;
                t.OwnerId = _ownerId; t.Owner = _owner;
                t.CustomerId = _customerId; t.Customer = _customer;
                t.OrganizationId = _organizationId;
                t.Note = _note;
                t.PendingTime = _pendingTime;
            }

            public bool Differs(Ticket t)
            {
                var probe = new TicketChanges();
                ApplyDifferences(t, probe);
                return !probe.IsEmpty;
            }

            // A changed name wins over an unchanged id: the user edited what they could read.
            public void ApplyDifferences(Ticket t, TicketChanges changes)
            {
                if (t.Title != _title) changes.Title = t.Title;
                if (t.Group != _group) changes.Group = TicketReference.ByName(t.Group);
                else if (t.GroupId != _groupId) changes.Group = TicketReference.ById(t.GroupId);
                if (t.State != _state) changes.State = TicketReference.ByName(t.State);
                else if (t.StateId != _stateId) changes.State = TicketReference.ById(t.StateId);
                if (t.Priority != _priority) changes.Priority = TicketReference.ByName(t.Priority);
                else if (t.PriorityId != _priorityId) changes.Priority = TicketReference.ById(t.PriorityId);
                if (t.Owner != _owner) changes.Owner = TicketReference.ByName(t.Owner);
                else if (t.OwnerId != _ownerId) changes.Owner = TicketReference.ById(t.OwnerId);
                if (t.Customer != _customer) changes.Customer = t.Customer;
                else if (t.CustomerId != _customerId) changes.Customer = t.CustomerId.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (t.OrganizationId != _organizationId) changes.Fields["organization_id"] = t.OrganizationId.HasValue ? new JValue(t.OrganizationId.Value) : JValue.CreateNull();
                if (t.Note != _note) changes.Fields["note"] = t.Note == null ? JValue.CreateNull() : new JValue(t.Note);
                if (t.PendingTime != _pendingTime) changes.Fields["pending_time"] = t.PendingTime.HasValue ? new JValue(t.PendingTime.Value) : JValue.CreateNull();
            }
        }
    }
}
