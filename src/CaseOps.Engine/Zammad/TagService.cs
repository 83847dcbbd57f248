using System.Globalization;
using CaseOps.Connections;
using CaseOps.Http;
using CaseOps.Zammad.Models;
using RestSharp;

namespace CaseOps.Zammad
{
    /// <summary>Tags on tickets and the helpdesk's tag list (tag administration needs admin rights).</summary>
    public sealed class TagService
    {
        private const string TicketObject = "Ticket";
        private readonly ApiClient _api;
        private readonly IRequestLog _log;

        public TagService(ZammadConnection connection, IRequestLog? log = null)
        {
            _api = connection.Api;
            _log = log ?? RequestLog.None;
        }

        /// <summary>The ticket's tags in the order they were added.</summary>
        public async Task<IReadOnlyList<string>> GetTicketTagsAsync(long ticketId, CancellationToken cancellationToken)
        {
            var request = new RestRequest("tags");
            AddTicket(request, ticketId);
            var answer = await _api.SendAsync<TagsAnswer>(request, _log, cancellationToken).ConfigureAwait(false);
            return answer.Tags ?? new List<string>();
        }

        /// <summary>Adds a tag; adding one the ticket has (in any letter case) changes nothing.</summary>
        public async Task AddTicketTagAsync(long ticketId, string name, CancellationToken cancellationToken)
        {
            var request = new RestRequest("tags/add", Method.Post);
            request.AddJsonBody(new Dictionary<string, object> { ["object"] = TicketObject, ["o_id"] = ticketId, ["item"] = name });
            await _api.SendAsync(request, _log, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Removes a tag; removing one the ticket lacks changes nothing.</summary>
        public async Task RemoveTicketTagAsync(long ticketId, string name, CancellationToken cancellationToken)
        {
            // Parameters in the query: not every HTTP stack passes a DELETE body on.
            // Removing a tag the ticket lacks answers 200, so a 404 means the ticket is missing, not that an earlier attempt removed the tag.
            var request = new ApiRequest("tags/remove", Method.Delete, RepeatPolicy.Repeatable);
            AddTicket(request, ticketId);
            request.AddQueryParameter("item", name);
            await _api.SendAsync(request, _log, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Every tag with its use count, ordered by name.</summary>
        public Task<List<Tag>> ListAsync(CancellationToken cancellationToken) =>
            _api.SendAsync<List<Tag>>(new RestRequest("tag_list"), _log, cancellationToken);

        /// <summary>Tags containing <paramref name="term"/> (case-insensitive), ordered by name.</summary>
        public Task<List<Tag>> SearchAsync(string term, int limit, CancellationToken cancellationToken)
        {
            var request = new RestRequest("tag_search");
            request.AddQueryParameter("term", term);
            request.AddQueryParameter("limit", limit.ToString(CultureInfo.InvariantCulture));
            return _api.SendAsync<List<Tag>>(request, _log, cancellationToken);
        }

        /// <summary>The tag with exactly this name (ignoring case), or null.</summary>
        public async Task<Tag?> FindAsync(string name, CancellationToken cancellationToken)
        {
            // tag_search matches substrings and caps its answer; ask for enough to see the exact name.
            var candidates = await SearchAsync(name, 1000, cancellationToken).ConfigureAwait(false);
            return candidates.Find(t => string.Equals(t.Name, name, System.StringComparison.Ordinal))
                ?? candidates.Find(t => string.Equals(t.Name, name, System.StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>Adds a tag to the list; an existing name is left as it is.</summary>
        public async Task CreateAsync(string name, CancellationToken cancellationToken)
        {
            var request = new RestRequest("tag_list", Method.Post);
            request.AddJsonBody(new Dictionary<string, object> { ["name"] = name });
            await _api.SendAsync(request, _log, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Renames a tag everywhere; onto an existing name, the two tags merge.</summary>
        public async Task RenameAsync(long id, string newName, CancellationToken cancellationToken)
        {
            var request = new RestRequest(TagPath(id), Method.Put);
            request.AddJsonBody(new Dictionary<string, object> { ["name"] = newName });
            await _api.SendAsync(request, _log, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Deletes a tag and detaches it from every ticket.</summary>
        public async Task RemoveAsync(long id, CancellationToken cancellationToken) =>
            await _api.SendAsync(new RestRequest(TagPath(id), Method.Delete), _log, cancellationToken).ConfigureAwait(false);

        private static void AddTicket(RestRequest request, long ticketId)
        {
            request.AddQueryParameter("object", TicketObject);
            request.AddQueryParameter("o_id", ticketId.ToString(CultureInfo.InvariantCulture));
        }

        private static string TagPath(long id) => "tag_list/" + id.ToString(CultureInfo.InvariantCulture);

        private sealed class TagsAnswer
        {
            [Newtonsoft.Json.JsonProperty("tags", Required = Newtonsoft.Json.Required.Always)] public List<string>? Tags { get; set; }
        }
    }
}
