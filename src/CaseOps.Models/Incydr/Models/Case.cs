using System.Runtime.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CaseOps.Incydr.Models
{
    /// <summary>
    /// An Incydr case. Listings return it without <see cref="Description"/> and <see cref="Findings"/>;
    /// <c>Get-Case -Number</c>, <c>New-Case</c> and <c>Set-Case</c> return it whole.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "An Incydr case is what users work with; PowerShell, the only consumer, has no 'Case' keyword clash in type names.")]
    public sealed class Case
    {
        private EditableFields? _asReceived;

        // Not public: PowerShell would otherwise build a Case from any object with matching
        // properties (a CSV row), and Set-Case would take every field of it as an edit.
        [JsonConstructor]
        internal Case()
        {
        }

        [JsonProperty("number", Required = Required.Always)] public long Number { get; set; }
        [JsonProperty("name", Required = Required.Always)] public string Name { get; set; } = string.Empty;
        [JsonProperty("status", Required = Required.Always)] public CaseStatus Status { get; set; }
        [JsonProperty("assignee")] public string? Assignee { get; set; }
        [JsonProperty("assigneeUsername")] public string? AssigneeUsername { get; set; }
        [JsonProperty("subject")] public string? Subject { get; set; }
        [JsonProperty("subjectUsername")] public string? SubjectUsername { get; set; }
        [JsonProperty("createdAt", Required = Required.Always)] public DateTimeOffset CreatedAt { get; set; }
        [JsonProperty("updatedAt", Required = Required.Always)] public DateTimeOffset UpdatedAt { get; set; }
        [JsonProperty("createdByUserUid")] public string? CreatedByUserUid { get; set; }
        [JsonProperty("createdByUsername")] public string? CreatedByUsername { get; set; }
        [JsonProperty("lastModifiedByUserUid")] public string? LastModifiedByUserUid { get; set; }
        [JsonProperty("lastModifiedByUsername")] public string? LastModifiedByUsername { get; set; }
        [JsonProperty("archivalTime")] public DateTimeOffset? ArchivalTime { get; set; }
        [JsonProperty("description")] public string? Description { get; set; }
        [JsonProperty("findings")] public string? Findings { get; set; }

        /// <summary>Fields the server sent that this version of CaseOps does not know.</summary>
        [JsonExtensionData]
        internal IDictionary<string, JToken> AdditionalProperties { get; set; } = new Dictionary<string, JToken>();

        /// <summary>
        /// Fields the server sent that this version of CaseOps does not know, as plain values (strings,
        /// numbers, booleans, dates, arrays, PSCustomObject) by name. A method, not a property, so
        /// ConvertTo-Json, Export-Csv and Export-Clixml leave it out (docs/architecture.md, Output types).
        /// </summary>
        public System.Collections.Specialized.OrderedDictionary GetAdditionalProperties() => CaseOps.Json.PlainJson.ToDictionary(AdditionalProperties);

        public override string ToString() => $"Case {Number}: {Name}";

        /// <summary>True when a field was changed since the server sent this object.</summary>
        internal bool HasEdits => _asReceived is { } r
            && (Name != r.Name || Status != r.Status || Subject != r.Subject || Assignee != r.Assignee || Description != r.Description || Findings != r.Findings);

        /// <summary>True when the assignee was changed since the server sent this object.</summary>
        internal bool AssigneeEdited => _asReceived is { } r && Assignee != r.Assignee;

        /// <summary>True when the subject was changed since the server sent this object.</summary>
        internal bool SubjectEdited => _asReceived is { } r && Subject != r.Subject;

        /// <summary>
        /// Copies onto <paramref name="changes"/> the editable fields the user changed since this object
        /// came from the server, so that piping a stale or slim (listing) Case into Set-Case changes
        /// only what was edited. A Case that did not come from the server carries no edits.
        /// </summary>
        internal void ApplyEditsTo(CaseChanges changes)
        {
            var received = _asReceived;
            if (received == null)
                return;
            if (Name != received.Name) changes.Name = Name;
            if (Status != received.Status) changes.Status = Status;
            if (Subject != received.Subject) changes.Subject = Subject;
            if (Assignee != received.Assignee) changes.Assignee = Assignee;
            if (Description != received.Description) changes.Description = Description;
            if (Findings != received.Findings) changes.Findings = Findings;
        }

        [OnDeserialized]
        private void OnDeserialized(StreamingContext context)
        {
            AdditionalProperties ??= new Dictionary<string, JToken>();
            _asReceived = new EditableFields(Name, Status, Subject, Assignee, Description, Findings);
        }

        private sealed class EditableFields
        {
            public EditableFields(string name, CaseStatus status, string? subject, string? assignee, string? description, string? findings)
            {
                Name = name; Status = status; Subject = subject; Assignee = assignee; Description = description; Findings = findings;
            }

            public string Name { get; }
            public CaseStatus Status { get; }
            public string? Subject { get; }
            public string? Assignee { get; }
            public string? Description { get; }
            public string? Findings { get; }
        }
    }
}
