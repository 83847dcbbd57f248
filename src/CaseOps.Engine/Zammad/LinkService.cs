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
            var answer = await _api.SendAsync(request, root =>
            {
                var read = StrictJson.Convert<LinksAnswer>(root);
                var assets = read.Assets?.Property(TicketObject, StringComparison.Ordinal)?.Value as JObject;
                var found = new List<TicketLink>();
                foreach (var link in read.Links)
                {
                    // Tickets can also link knowledge base answers and other objects: those are not tickets.
                    if (!string.Equals(link.Object ?? TicketObject, TicketObject, StringComparison.Ordinal))
                        continue;
                    // The linked ticket as the assets hold it, when they do; it must be that ticket.
                    Ticket? ticket = null;
                    if (assets?.Property(Text(link.Value), StringComparison.Ordinal)?.Value is JObject asset)
                    {
                        ticket = StrictJson.Convert<Ticket>(asset);
                        StrictJson.SameId(asset.Path + ".id", link.Value, ticket.Id);
                    }
                    found.Add(new TicketLink(ticketId, link.Type, link.Value, ticket));
                }
                return found;
            }, _log, cancellationToken).ConfigureAwait(false);
            var links = answer;
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

        /// <summary><c>{"links":[…],"assets":{"Ticket":{…}}}</c> (docs/contracts/zammad.md, "Link schemas").</summary>
        private sealed class LinksAnswer
        {
            [Newtonsoft.Json.JsonProperty("links", Required = Newtonsoft.Json.Required.Always)] public List<LinkRow> Links { get; set; } = new List<LinkRow>();
            [Newtonsoft.Json.JsonProperty("assets")] public JObject? Assets { get; set; }
        }

        private sealed class LinkRow
        {
            [Newtonsoft.Json.JsonProperty("link_type", Required = Newtonsoft.Json.Required.Always)] public string Type { get; set; } = string.Empty;
            [Newtonsoft.Json.JsonProperty("link_object")] public string? Object { get; set; }
            [Newtonsoft.Json.JsonProperty("link_object_value", Required = Newtonsoft.Json.Required.Always)] public long Value { get; set; }
        }
    }
}
