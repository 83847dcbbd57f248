using System.Globalization;
using CaseOps.Connections;
using CaseOps.Http;
using CaseOps.Zammad.Models;
using Newtonsoft.Json.Linq;
using RestSharp;

namespace CaseOps.Zammad
{
    /// <summary>Time accounted on tickets; types are named through the connection's catalog.</summary>
    public sealed class TimeAccountingService
    {
        private readonly ZammadConnection _connection;
        private readonly IRequestLog _log;

        public TimeAccountingService(ZammadConnection connection, IRequestLog? log = null)
        {
            _connection = connection;
            _log = log ?? RequestLog.None;
        }

        public async Task<List<TicketTimeAccounting>> ListAsync(long ticketId, CancellationToken cancellationToken)
        {
            var request = new RestRequest($"tickets/{ticketId.ToString(CultureInfo.InvariantCulture)}/time_accountings");
            var entries = await _connection.Api.SendAsync<List<TicketTimeAccounting>>(request, _log, cancellationToken).ConfigureAwait(false);
            foreach (var entry in entries)
                await NameAsync(entry, cancellationToken).ConfigureAwait(false);
            return entries;
        }

        /// <summary>Accounts time on a ticket; an unknown type name throws <see cref="ZammadLookupException"/> before anything is sent.</summary>
        public async Task<TicketTimeAccounting> AddAsync(long ticketId, decimal timeUnit, TicketReference? type, long? articleId, CancellationToken cancellationToken)
        {
            var body = new JObject
            {
                ["ticket_id"] = ticketId,
                ["time_unit"] = timeUnit.ToString(CultureInfo.InvariantCulture),
            };
            if (type != null)
                body["type_id"] = await _connection.Catalog.ResolveAsync(CatalogKind.TimeAccountingType, type, _log, cancellationToken).ConfigureAwait(false);
            if (articleId.HasValue)
                body["ticket_article_id"] = articleId.Value;
            var request = new RestRequest("time_accountings", Method.Post);
            request.AddStringBody(body.ToString(Newtonsoft.Json.Formatting.None), ContentType.Json);
            var entry = await _connection.Api.SendAsync<TicketTimeAccounting>(request, _log, cancellationToken).ConfigureAwait(false);
            await NameAsync(entry, cancellationToken).ConfigureAwait(false);
            return entry;
        }

        private async Task NameAsync(TicketTimeAccounting entry, CancellationToken cancellationToken)
        {
            if (entry.TypeId is long id)
                entry.Type = await _connection.Catalog.NameOfAsync(CatalogKind.TimeAccountingType, id, _log, cancellationToken).ConfigureAwait(false);
        }
    }
}
