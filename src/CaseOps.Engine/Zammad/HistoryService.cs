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
            var answer = await _api.SendAsync(new RestRequest("ticket_history/" + ticketId.ToString(CultureInfo.InvariantCulture)),
                StrictJson.Convert<HistoryAnswer>, _log, cancellationToken).ConfigureAwait(false);
            // The user assets only name who made a change; a login they lack stays unknown.
            var users = answer.Assets?.Property("User", StringComparison.Ordinal)?.Value as JObject;
            foreach (var entry in answer.History)
            {
                entry.TicketId = ticketId;
                var user = users?.Property(entry.CreatedById.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)?.Value as JObject;
                entry.CreatedBy = user?.Property("login", StringComparison.Ordinal)?.Value is JValue { Type: JTokenType.String } login ? (string?)login.Value : null;
            }
            return answer.History;
        }

        /// <summary><c>{"history":[…],"assets":{…}}</c> (docs/contracts/zammad.md, "History schema").</summary>
        private sealed class HistoryAnswer
        {
            [Newtonsoft.Json.JsonProperty("history", Required = Newtonsoft.Json.Required.Always)] public List<TicketHistoryEntry> History { get; set; } = new List<TicketHistoryEntry>();
            [Newtonsoft.Json.JsonProperty("assets")] public JObject? Assets { get; set; }
        }
    }
}
