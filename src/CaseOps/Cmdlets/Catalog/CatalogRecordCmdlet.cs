using System.Management.Automation;
using CaseOps.Cmdlets.Common;
using CaseOps.Http;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>What the priority and state cmdlets share: their service, their noun, their errors.</summary>
    public abstract class CatalogRecordCmdlet : ZammadCmdlet
    {
        private CatalogRecordService? _service;

        /// <summary>Priority or state: how messages and error ids name the records.</summary>
        private protected abstract CatalogNoun Noun { get; }

        private protected CatalogRecordService Service => _service ??= Noun.CreateService(ResolveConnection(), RequestLog);

        private protected ErrorContext About(object what) => new ErrorContext($"Ticket {Noun} {what}", Noun.NotFoundErrorId, what);

        /// <summary>The id of a record given by id or name; null after an error was written.</summary>
        private protected long? Resolve(long id, string? name)
        {
            if (name == null)
                return id;
            // Digits are an id, as for -Priority and -State of the ticket cmdlets.
            try { return Await(Service.ResolveAsync(TicketReference.Parse(name), CancellationToken)); }
            catch (ZammadLookupException ex) { WriteError(Tickets.TicketProblems.UnknownName(ex, name)); }
            catch (CaseOpsApiException ex) { WriteApiError(ex, About(name)); }
            return null;
        }
    }

    /// <summary>The fields New- and Set- of priorities and states share.</summary>
    public abstract class CatalogRecordWriteCmdlet : CatalogRecordCmdlet
    {
        [Parameter]
        [AllowNull, AllowEmptyString]
        public string? Note { get; set; }

        /// <summary>-Active:$false hides it from the choices of new tickets.</summary>
        [Parameter]
        public SwitchParameter Active { get; set; }

        private protected Newtonsoft.Json.Linq.JObject CommonFields()
        {
            var fields = new Newtonsoft.Json.Linq.JObject();
            if (IsBound(nameof(Note))) fields["note"] = ParameterText.EmptyAsNull(Note);
            if (IsBound(nameof(Active))) fields["active"] = Active.IsPresent;
            return fields;
        }

        /// <summary>The fields to send: the common ones plus the cmdlet's own; null after an error was written.</summary>
        private protected virtual Newtonsoft.Json.Linq.JObject? Fields() => CommonFields();

        /// <summary>
        /// Sets <paramref name="wireField"/> to the id of <paramref name="text"/> (a name or an id) from the
        /// connection's catalog; false after an error naming the value and the valid ones was written.
        /// </summary>
        private protected bool TryResolveInto(Newtonsoft.Json.Linq.JObject fields, string wireField, CatalogKind kind, string text)
        {
            try
            {
                fields[wireField] = Await(ResolveConnection().Catalog.ResolveAsync(kind, TicketReference.Parse(text), RequestLog, CancellationToken));
                return true;
            }
            catch (ZammadLookupException ex)
            {
                WriteError(Tickets.TicketProblems.UnknownName(ex, text));
            }
            catch (CaseOpsApiException ex)
            {
                WriteApiError(ex, About(text));
            }
            return false;
        }

        /// <summary>Creates the record and writes it; the connection's name cache is refreshed by the service.</summary>
        private protected void Create(string name, Newtonsoft.Json.Linq.JObject fields)
        {
            fields["name"] = name;
            if (!ShouldProcess($"Ticket {Noun} '{name}'", "Create"))
                return;
            try { WriteObject(Await(Service.CreateAsync(fields, CancellationToken))); }
            catch (CaseOpsApiException ex) { WriteApiError(ex, About($"'{name}'")); }
        }

        /// <summary>Sends the changed fields of record <paramref name="id"/> (null: it could not be resolved) and writes it.</summary>
        private protected void Update(long? id, string? name, Newtonsoft.Json.Linq.JObject fields)
        {
            if (!(id is long value))
                return;
            var label = name != null ? $"'{name}' ({value})" : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (fields.Count == 0)
            {
                WriteWarning($"Ticket {Noun} {label}: nothing to change. Name what to change (-NewName, -Note, -Active, ...).");
                return;
            }
            if (!ShouldProcess($"Ticket {Noun} {label}", "Update " + string.Join(", ", System.Linq.Enumerable.Select(fields.Properties(), p => p.Name))))
                return;
            try { WriteObject(Await(Service.UpdateAsync(value, fields, CancellationToken))); }
            catch (CaseOpsApiException ex) { WriteApiError(ex, About(label)); }
        }
    }
}
