using System.Globalization;
using CaseOps.Connections;
using CaseOps.Http;
using CaseOps.Zammad.Models;
using Newtonsoft.Json.Linq;
using RestSharp;

namespace CaseOps.Zammad
{
    /// <summary>
    /// Administration of one of the ticket lookup lists (priorities, states): list, read, create,
    /// change, delete. Every change drops the connection's cached copy of the list, so the next name
    /// lookup sees it. Not generic to its callers: a cmdlet class whose base is instantiated over an
    /// engine type could not be loaded before the engine is (docs/architecture.md, "Assemblies and load contexts").
    /// </summary>
    public abstract class CatalogRecordService
    {
        private readonly ZammadConnection _connection;
        private readonly string _resource;
        private readonly CatalogKind _kind;

        private protected CatalogRecordService(ZammadConnection connection, IRequestLog? log, string resource, CatalogKind kind)
        {
            _connection = connection;
            Log = log ?? RequestLog.None;
            _resource = resource;
            _kind = kind;
        }

        private protected IRequestLog Log { get; }

        private protected ZammadConnection Connection => _connection;

        private protected string Resource => _resource;

        /// <summary>Every record, id ascending.</summary>
        public abstract Task<IReadOnlyList<ZammadNamedRecord>> ListAsync(CancellationToken cancellationToken);

        public async Task<ZammadNamedRecord> GetAsync(long id, CancellationToken cancellationToken) =>
            await SendForRecordAsync(new RestRequest(RecordPath(id)), id, cancellationToken).ConfigureAwait(false);

        /// <summary>Sends <paramref name="request"/> and reads the record it answers with, which must be record <paramref name="id"/> when one is given.</summary>
        private protected abstract Task<ZammadNamedRecord> SendForRecordAsync(RestRequest request, long? id, CancellationToken cancellationToken);

        /// <summary>The id of a record given by name or id, through the connection's cache.</summary>
        public Task<long> ResolveAsync(TicketReference reference, CancellationToken cancellationToken) =>
            _connection.Catalog.ResolveAsync(_kind, reference, Log, cancellationToken);

        public async Task<ZammadNamedRecord> CreateAsync(JObject fields, CancellationToken cancellationToken)
        {
            var request = new RestRequest(_resource, Method.Post);
            request.AddStringBody(fields.ToString(Newtonsoft.Json.Formatting.None), ContentType.Json);
            try { return await SendForRecordAsync(request, null, cancellationToken).ConfigureAwait(false); }
            finally { _connection.Catalog.Invalidate(_kind); }
        }

        public async Task<ZammadNamedRecord> UpdateAsync(long id, JObject fields, CancellationToken cancellationToken)
        {
            var request = new RestRequest(RecordPath(id), Method.Put);
            request.AddStringBody(fields.ToString(Newtonsoft.Json.Formatting.None), ContentType.Json);
            try { return await SendForRecordAsync(request, id, cancellationToken).ConfigureAwait(false); }
            finally { _connection.Catalog.Invalidate(_kind); }
        }

        /// <summary>Deletes a record; Zammad refuses (422) while tickets still use it.</summary>
        public async Task RemoveAsync(long id, CancellationToken cancellationToken)
        {
            try { await _connection.Api.SendAsync(new RestRequest(RecordPath(id), Method.Delete), Log, cancellationToken).ConfigureAwait(false); }
            finally { _connection.Catalog.Invalidate(_kind); }
        }

        private string RecordPath(long id) => _resource + "/" + id.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The list of records of type <typeparamref name="T"/>.</summary>
    public abstract class CatalogRecordService<T> : CatalogRecordService where T : ZammadNamedRecord
    {
        private protected CatalogRecordService(ZammadConnection connection, IRequestLog? log, string resource, CatalogKind kind)
            : base(connection, log, resource, kind)
        {
        }

        public override async Task<IReadOnlyList<ZammadNamedRecord>> ListAsync(CancellationToken cancellationToken) =>
            await ZammadPages.ReadAllAsync<T>(Connection.Api, Resource, Log, cancellationToken).ConfigureAwait(false);

        private protected override async Task<ZammadNamedRecord> SendForRecordAsync(RestRequest request, long? id, CancellationToken cancellationToken) =>
            await Connection.Api.SendAsync<T>(request, Log, cancellationToken,
                answer => { if (id is long wanted) StrictJson.SameId("id", wanted, answer.Id); }).ConfigureAwait(false);
    }

    /// <summary>Ticket priorities.</summary>
    public sealed class PriorityService : CatalogRecordService<TicketPriority>
    {
        public PriorityService(ZammadConnection connection, IRequestLog? log = null)
            : base(connection, log, "ticket_priorities", CatalogKind.Priority)
        {
        }
    }

    /// <summary>Ticket states.</summary>
    public sealed class StateService : CatalogRecordService<TicketState>
    {
        public StateService(ZammadConnection connection, IRequestLog? log = null)
            : base(connection, log, "ticket_states", CatalogKind.State)
        {
        }

    }
}
