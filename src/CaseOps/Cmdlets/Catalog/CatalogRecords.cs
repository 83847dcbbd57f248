using System.Globalization;
using System.Linq;
using CaseOps.Cmdlets.Tickets;
using CaseOps.Http;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;
using Newtonsoft.Json.Linq;

namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>
    /// What the priority and state cmdlets (Get-, New-, Set-, Remove-TicketPriority and -TicketState) do
    /// with their list, for one command: each cmdlet declares its parameters and calls one of these.
    /// </summary>
    internal sealed class CatalogRecords
    {
        public const string NameSet = "ByName";
        public const string IdSet = "ById";
        public const string InputObjectSet = "InputObject";

        private readonly ZammadCmdlet _cmdlet;
        private readonly CatalogNoun _noun;
        private CatalogRecordService? _service;

        public CatalogRecords(ZammadCmdlet cmdlet, CatalogNoun noun)
        {
            _cmdlet = cmdlet;
            _noun = noun;
        }

        private CatalogRecordService Service => _service ??= _noun.CreateService(_cmdlet.ResolveConnection(), _cmdlet.RequestLog);

        private ErrorContext About(object what) => new ErrorContext($"Ticket {_noun} {what}", _noun.NotFoundErrorId, what);

        /// <summary>Writes the records with these ids, or those whose names match <paramref name="names"/> (wildcards; all when null).</summary>
        public void Write(long[]? ids, string[]? names)
        {
            if (ids != null)
            {
                foreach (var id in ids)
                    _cmdlet.Attempt(() => _cmdlet.WriteObject(_cmdlet.Await(Service.GetAsync(id, _cmdlet.CancellationToken))), About(id));
                return;
            }
            var patterns = names?.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
            _cmdlet.Attempt(() =>
            {
                var records = _cmdlet.Await(Service.ListAsync(_cmdlet.CancellationToken));
                foreach (var record in records)
                {
                    if (patterns == null || patterns.Any(p => p.IsMatch(record.Name)))
                        _cmdlet.WriteObject(record);
                }
                // As Get-Process does: a name without wildcards that matches nothing is an error.
                foreach (var name in names ?? Array.Empty<string>())
                {
                    if (!WildcardPattern.ContainsWildcardCharacters(name) && !records.Any(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)))
                        _cmdlet.WriteError(new ErrorRecord(new ItemNotFoundException($"Zammad has no ticket {_noun} named '{name}'."), _noun.NotFoundErrorId, ErrorCategory.ObjectNotFound, name));
                }
            }, About("list"));
        }

        /// <summary>The fields New- and Set- share: -Note and -Active, when given.</summary>
        public JObject CommonFields(string? note, SwitchParameter active)
        {
            var fields = new JObject();
            if (_cmdlet.IsBound("Note")) fields["note"] = ParameterText.EmptyAsNull(note);
            if (_cmdlet.IsBound("Active")) fields["active"] = active.IsPresent;
            return fields;
        }

        /// <summary>
        /// Sets <paramref name="wireField"/> to the id of <paramref name="text"/> (a name or an id) from the
        /// connection's catalog; false after an error naming the value and the valid ones was written.
        /// </summary>
        public bool TryResolveInto(JObject fields, string wireField, CatalogKind kind, string text)
        {
            try
            {
                return _cmdlet.Attempt(() => fields[wireField] = _cmdlet.Await(
                    _cmdlet.ResolveConnection().Catalog.ResolveAsync(kind, TicketReference.Parse(text), _cmdlet.RequestLog, _cmdlet.CancellationToken)), About(text));
            }
            catch (ZammadLookupException ex)
            {
                _cmdlet.WriteError(TicketProblems.UnknownName(ex, text));
                return false;
            }
        }

        /// <summary>Creates the record and writes it; the connection's name cache is refreshed by the service.</summary>
        public void Create(string name, JObject fields)
        {
            var description = Describe(null, fields);
            fields["name"] = name;
            var action = description.IsEmpty ? "Create" : "Create with " + description;
            if (_cmdlet.ShouldProcess(Target(name), action))
                _cmdlet.Attempt(() => _cmdlet.WriteObject(_cmdlet.Await(Service.CreateAsync(fields, _cmdlet.CancellationToken))), About($"'{name}'"));
        }

        /// <summary>
        /// Sends the changed fields of the record given by -InputObject, -Id or -Name and writes it. The prompt
        /// shows each field old -> new: a piped record holds the old values; one given by name or id is read
        /// for them only when the prompt is shown.
        /// </summary>
        public void Update(ZammadNamedRecord? piped, long id, string? name, JObject fields)
        {
            name = piped?.Name ?? name;
            if (!((piped?.Id ?? Resolve(id, name)) is long value))
                return;
            var label = Label(value, name);
            if (fields.Count == 0)
            {
                _cmdlet.WriteWarning($"Ticket {_noun} {label}: nothing to change. Name what to change (-NewName, -Note, -Active, ...).");
                return;
            }
            _cmdlet.Attempt(() =>
            {
                var before = piped ?? ReadIfShown(value, force: false);
                var description = Describe(before, fields);
                var action = description.IsEmpty ? "Update (no field changes)" : "Update " + description;
                if (_cmdlet.ShouldProcess(Target(before?.Name ?? name, value), action))
                    _cmdlet.WriteObject(_cmdlet.Await(Service.UpdateAsync(value, fields, _cmdlet.CancellationToken)));
            }, About(label));
        }

        /// <summary>Deletes the record given by -InputObject, -Id or -Name; Zammad refuses while tickets use it.</summary>
        public void Remove(ZammadNamedRecord? piped, long id, string? name, SwitchParameter force)
        {
            name = piped?.Name ?? name;
            if (!((piped?.Id ?? Resolve(id, name)) is long value))
                return;
            var label = Label(value, name);
            _cmdlet.Attempt(() =>
            {
                // Given by id only, the record is read to name it when the prompt is shown.
                name ??= ReadIfShown(value, force)?.Name;
                if (!_cmdlet.ShouldProcess(Target(name, value), "Delete", force))
                    return;
                _cmdlet.Await(Service.RemoveAsync(value, _cmdlet.CancellationToken));
                _cmdlet.WriteVerboseLine($"Deleted ticket {_noun} {label}");
            }, ex => InUse(ex, (object?)piped ?? name ?? (object)value, label) ?? ErrorRecordFactory.FromApi(ex, About(label)));
        }

        /// <summary>How a prompt names a record: <c>Ticket state 'pending close'</c>, by id when the name is not known.</summary>
        private string Target(string? name, long id = 0) =>
            $"Ticket {_noun} " + (name != null ? ChangeDescription.Show(name) : id.ToString(CultureInfo.InvariantCulture));

        private ZammadNamedRecord? ReadIfShown(long id, bool force) =>
            PromptVisibility.IsShown(_cmdlet, force) ? _cmdlet.Await(Service.GetAsync(id, _cmdlet.CancellationToken)) : null;

        /// <summary>
        /// The fields sent, by the parameter that sets them, old -> new from <paramref name="before"/> (only the
        /// new value without it); a state type by name.
        /// </summary>
        private ChangeDescription Describe(ZammadNamedRecord? before, JObject fields)
        {
            var description = new ChangeDescription();
            var old = before == null ? null : JObject.FromObject(before);
            // In the order the parameters are documented, whatever order the fields were added in.
            foreach (var field in fields.Properties().OrderBy(f => Rank(f.Name)))
            {
                var label = FieldLabels.FirstOrDefault(l => l.Key == field.Name).Value ?? field.Name;
                var value = Shown(field.Name, field.Value);
                if (old == null)
                    description.Set(label, value);
                else
                    description.Field(label, Shown(field.Name, old[field.Name]), value);
            }
            return description;
        }

        // The parameter each wire field comes from, so the prompt speaks the cmdlet's language.
        private static readonly KeyValuePair<string, string>[] FieldLabels =
        {
            new KeyValuePair<string, string>("name", "Name"), new KeyValuePair<string, string>("state_type_id", "StateType"),
            new KeyValuePair<string, string>("ignore_escalation", "IgnoreEscalation"), new KeyValuePair<string, string>("default_create", "DefaultCreate"),
            new KeyValuePair<string, string>("note", "Note"), new KeyValuePair<string, string>("active", "Active"),
        };

        private static int Rank(string field)
        {
            var index = Array.FindIndex(FieldLabels, l => l.Key == field);
            return index >= 0 ? index : FieldLabels.Length;
        }

        /// <summary>A field's value as the prompt shows it: a state type by its name, the rest as it is.</summary>
        private object? Shown(string field, JToken? value)
        {
            var plain = Json.PlainJson.ToPlain(value);
            if (field != "state_type_id" || !(plain is long typeId))
                return plain;
            return _cmdlet.Await(_cmdlet.ResolveConnection().Catalog.NameAsync(CatalogKind.StateType, TicketReference.ById(typeId), _cmdlet.RequestLog, _cmdlet.CancellationToken));
        }

        /// <summary>Zammad's refusal to delete a record tickets still use ("Can't delete, object has references."), plus what to do about it; null for other failures.</summary>
        private ErrorRecord? InUse(CaseOpsApiException ex, object target, string label)
        {
            if (ex.StatusCode != 422 || (ex.ServerMessage ?? string.Empty).IndexOf("reference", StringComparison.OrdinalIgnoreCase) < 0)
                return null;
            return new ErrorRecord(ex, _noun.InUseErrorId, ErrorCategory.InvalidOperation, target)
            {
                ErrorDetails = new ErrorDetails($"Zammad refused to delete ticket {_noun} {label}: {ex.ServerMessage ?? ex.Message}")
                {
                    RecommendedAction = $"Move the tickets that use it to another {_noun} first (@(Get-Ticket -Query ...) | Set-Ticket -{_noun.ParameterName} ...), or set it inactive with -Active:$false instead.",
                },
            };
        }

        /// <summary>The id of a record given by id or name; null after an error was written.</summary>
        private long? Resolve(long id, string? name)
        {
            if (name == null)
                return id;
            // Digits are an id, as for -Priority and -State of the ticket cmdlets.
            long? resolved = null;
            try { _cmdlet.Attempt(() => resolved = _cmdlet.Await(Service.ResolveAsync(TicketReference.Parse(name), _cmdlet.CancellationToken)), About(name)); }
            catch (ZammadLookupException ex) { _cmdlet.WriteError(TicketProblems.UnknownName(ex, name)); }
            return resolved;
        }

        private static string Label(long id, string? name) => name != null ? $"'{name}' ({id})" : id.ToString(CultureInfo.InvariantCulture);
    }
}
