using System.Globalization;
using CaseOps.Http;
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
        /// <summary>Reads one page; every part is read strictly (<see cref="StrictJson"/>), so a malformed answer throws <see cref="InvalidAnswerException"/>.</summary>
        public static Page<Ticket> Read(JToken root)
        {
            if (root is JArray array)
                return new Page<Ticket>(StrictJson.Convert<List<Ticket>>(array), null);
            if (!(root is JObject json))
                throw new InvalidAnswerException("(root)", "is neither a list of tickets nor an object");
            if (json.Property("records", StringComparison.Ordinal) != null)
            {
                var page = StrictJson.Convert<RecordsAnswer>(json);
                return new Page<Ticket>(page.Records, page.TotalCount);
            }
            if (json.Property("tickets", StringComparison.Ordinal) != null)
                return new Page<Ticket>(FromAssets(StrictJson.Convert<ClassicAnswer>(json), json), null);
            throw new InvalidAnswerException("(root)", "has none of 'records', 'tickets' or a list of tickets");
        }

        private static List<Ticket> FromAssets(ClassicAnswer answer, JObject json)
        {
            var assets = answer.Assets?.Property("Ticket", StringComparison.Ordinal)?.Value as JObject;
            var tickets = new List<Ticket>(answer.Tickets.Count);
            for (var i = 0; i < answer.Tickets.Count; i++)
            {
                var key = answer.Tickets[i].ToString(CultureInfo.InvariantCulture);
                if (!(assets?.Property(key, StringComparison.Ordinal)?.Value is JObject asset))
                    throw new InvalidAnswerException(json["tickets"]![i]!.Path, $"names ticket {key}, but 'assets.Ticket' does not hold it");
                var ticket = StrictJson.Convert<Ticket>(asset);
                StrictJson.SameId(asset.Path + ".id", answer.Tickets[i], ticket.Id);
                tickets.Add(ticket);
            }
            return tickets;
        }

        /// <summary>Newer servers: <c>{"records":[T+ids …],"total_count":n}</c>; the total may be left out.</summary>
        private sealed class RecordsAnswer
        {
            [JsonProperty("records", Required = Required.Always)] public List<Ticket> Records { get; set; } = new List<Ticket>();
            [JsonProperty("total_count")] public long? TotalCount { get; set; }
        }

        /// <summary>Older servers: ids in result order, the tickets themselves in the assets.</summary>
        private sealed class ClassicAnswer
        {
            [JsonProperty("tickets", Required = Required.Always)] public List<long> Tickets { get; set; } = new List<long>();
            [JsonProperty("assets", Required = Required.Always)] public JObject? Assets { get; set; }
        }
    }
}
