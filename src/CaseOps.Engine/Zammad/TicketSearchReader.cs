using System.Globalization;
using CaseOps.Paging;
using CaseOps.Zammad.Models;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CaseOps.Zammad
{
    /// <summary>
    /// Reads the three shapes of a ticket search answer (docs/contracts/zammad.md, Searching tickets): an array of tickets;
    /// <c>{"records","total_count"}</c> (newer servers); and the classic <c>{"tickets":[ids],"assets":{"Ticket":{...}}}</c>.
    /// </summary>
    internal static class TicketSearchReader
    {
        public static Page<Ticket> Read(JToken root, JsonSerializer serializer)
        {
            if (root is JArray array)
                return new Page<Ticket>(array.ToObject<List<Ticket>>(serializer) ?? new List<Ticket>(), null);
            if (!(root is JObject json))
                throw new JsonSerializationException("The search answer is neither a list nor an object.");
            if (json["records"] is JArray records)
            {
                var total = json["total_count"]?.Type == JTokenType.Integer ? json.Value<long>("total_count") : (long?)null;
                return new Page<Ticket>(records.ToObject<List<Ticket>>(serializer) ?? new List<Ticket>(), total);
            }
            if (json["tickets"] is JArray ids)
            {
                var assets = json["assets"]?["Ticket"] as JObject;
                var tickets = new List<Ticket>(ids.Count);
                foreach (var id in ids)
                {
                    var key = id.Value<long>().ToString(CultureInfo.InvariantCulture);
                    if (assets?[key] is JObject asset && asset.ToObject<Ticket>(serializer) is { } ticket)
                        tickets.Add(ticket);
                    else
                        throw new JsonSerializationException($"The search answer lists ticket {key} but its assets do not contain it.");
                }
                return new Page<Ticket>(tickets, null);
            }
            throw new JsonSerializationException("The search answer has none of 'records', 'tickets' or a list of tickets.");
        }
    }
}
