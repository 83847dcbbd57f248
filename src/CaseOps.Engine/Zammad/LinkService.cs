using System.Globalization;
using System.Linq;
using CaseOps.Connections;
using CaseOps.Http;
using CaseOps.Zammad.Models;
using Newtonsoft.Json.Linq;
using RestSharp;

namespace CaseOps.Zammad
{
    /// <summary>
    /// Links between tickets. A link is stored once (type, source, target) and listed from both sides:
    /// the target lists the source with the type, the source lists the target with the inverse type.
    /// </summary>
    public sealed class LinkService
    {
        private const string TicketObject = "Ticket";
        private static readonly string[] TypeOrder = { "normal", "parent", "child" };
        private readonly ApiClient _api;
        private readonly IRequestLog _log;

        public LinkService(ZammadConnection connection, IRequestLog? log = null)
        {
            _api = connection.Api;
            _log = log ?? RequestLog.None;
        }

        /// <summary>The ticket's links, normal first, then parents, then children.</summary>
        public async Task<List<TicketLink>> ListAsync(long ticketId, CancellationToken cancellationToken)
        {
            var request = new RestRequest("links");
            request.AddQueryParameter("link_object", TicketObject);
            request.AddQueryParameter("link_object_value", Text(ticketId));
            var answer = await _api.SendAsync<JObject>(request, _log, cancellationToken).ConfigureAwait(false);
            var assets = answer["assets"]?["Ticket"] as JObject;
            var links = new List<TicketLink>();
            foreach (var link in answer["links"] as JArray ?? new JArray())
            {
                // Tickets can also link knowledge base answers and other objects: those are not tickets.
                if (!string.Equals(link.Value<string>("link_object") ?? TicketObject, TicketObject, System.StringComparison.Ordinal))
                    continue;
                var id = link.Value<long>("link_object_value");
                var ticket = assets?[Text(id)]?.ToObject<Ticket>(ApiClient.Serializer);
                links.Add(new TicketLink(ticketId, link.Value<string>("link_type") ?? "normal", id, ticket));
            }
            return links.OrderBy(l => System.Array.IndexOf(TypeOrder, l.LinkType) is var i && i < 0 ? TypeOrder.Length : i).ThenBy(l => l.Id).ToList();
        }

        /// <summary>
        /// Makes <paramref name="linkedTicketNumber"/>'s ticket the <paramref name="linkType"/> of ticket
        /// <paramref name="ticketId"/>, as Get-TicketLink on that ticket will show it. Adding it again changes nothing.
        /// </summary>
        public async Task AddAsync(long ticketId, string linkType, string linkedTicketNumber, CancellationToken cancellationToken)
        {
            var request = new RestRequest("links/add", Method.Post);
            request.AddJsonBody(new Dictionary<string, object>
            {
                ["link_type"] = linkType,
                ["link_object_source"] = TicketObject,
                ["link_object_source_number"] = linkedTicketNumber,
                ["link_object_target"] = TicketObject,
                ["link_object_target_value"] = ticketId,
            });
            await _api.SendAsync(request, _log, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Removes the link as ticket <paramref name="ticketId"/> sees it; a missing link is no error.</summary>
        public async Task<int> RemoveAsync(long ticketId, string linkType, long linkedTicketId, CancellationToken cancellationToken)
        {
            // Query parameters: not every HTTP stack passes a DELETE body on.
            // Removing a missing link answers 201 []: a 404 would mean something else than "already removed".
            var request = new ApiRequest("links/remove", Method.Delete, RepeatPolicy.Repeatable);
            request.AddQueryParameter("link_type", linkType);
            request.AddQueryParameter("link_object_source", TicketObject);
            request.AddQueryParameter("link_object_source_value", Text(linkedTicketId));
            request.AddQueryParameter("link_object_target", TicketObject);
            request.AddQueryParameter("link_object_target_value", Text(ticketId));
            var removed = await _api.SendAsync<JToken>(request, _log, cancellationToken).ConfigureAwait(false);
            return removed is JArray rows ? rows.Count : 0;
        }

        private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
