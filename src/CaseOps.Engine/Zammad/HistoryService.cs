using System.Globalization;
using CaseOps.Connections;
using CaseOps.Http;
using CaseOps.Zammad.Models;
using Newtonsoft.Json.Linq;
using RestSharp;

namespace CaseOps.Zammad
{
    /// <summary>A ticket's history: every change, oldest first.</summary>
    public sealed class HistoryService
    {
        private readonly ApiClient _api;
        private readonly IRequestLog _log;

        public HistoryService(ZammadConnection connection, IRequestLog? log = null)
        {
            _api = connection.Api;
            _log = log ?? RequestLog.None;
        }

        public async Task<List<TicketHistoryEntry>> ListAsync(long ticketId, CancellationToken cancellationToken)
        {
            var answer = await _api.SendAsync<JObject>(new RestRequest("ticket_history/" + ticketId.ToString(CultureInfo.InvariantCulture)), _log, cancellationToken).ConfigureAwait(false);
            var users = answer["assets"]?["User"] as JObject;
            var entries = new List<TicketHistoryEntry>();
            foreach (var row in answer["history"] as JArray ?? new JArray())
            {
                var entry = row.ToObject<TicketHistoryEntry>(ApiClient.Serializer)!;
                entry.TicketId = ticketId;
                entry.CreatedBy = users?[entry.CreatedById.ToString(CultureInfo.InvariantCulture)]?["login"]?.Value<string>();
                entries.Add(entry);
            }
            return entries;
        }
    }
}
