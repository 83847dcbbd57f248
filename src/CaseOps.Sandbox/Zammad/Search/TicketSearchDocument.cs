using System.Globalization;
using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad.Search;

/// <summary>
/// The searchable view of one ticket: its fields resolved to names plus the text of its articles
/// and its tags. Built under the Zammad lock, then matched without it.
/// </summary>
/// <param name="Ticket">A copy of the ticket.</param>
/// <param name="Fields">Text and id fields by canonical name (see <see cref="TicketQueryFields"/>).</param>
/// <param name="FreeText">Title, number and article body/from/to/subject.</param>
/// <param name="Tags">Tag names.</param>
public sealed record TicketSearchDocument(ZammadTicket Ticket, IReadOnlyDictionary<string, string> Fields, IReadOnlyList<string> FreeText, IReadOnlyList<string> Tags)
{
    /// <summary>Builds the document; callers hold the Zammad lock.</summary>
    internal static TicketSearchDocument Build(ZammadApi api, ZammadTicket ticket, IEnumerable<ZammadArticle> articles)
    {
        string Id(int value) => value.ToString(CultureInfo.InvariantCulture);
        var owner = api.Users.Find(ticket.OwnerId);
        var customer = api.Users.Find(ticket.CustomerId);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["id"] = Id(ticket.Id),
            ["number"] = ticket.Number,
            ["title"] = ticket.Title,
            ["state_id"] = Id(ticket.StateId),
            ["state.name"] = api.Lookups.State(ticket.StateId)?.Name ?? string.Empty,
            ["priority_id"] = Id(ticket.PriorityId),
            ["priority.name"] = api.Lookups.Priority(ticket.PriorityId)?.Name ?? string.Empty,
            ["group_id"] = Id(ticket.GroupId),
            ["group.name"] = api.Lookups.Group(ticket.GroupId)?.Name ?? string.Empty,
            ["owner_id"] = Id(ticket.OwnerId),
            ["owner.login"] = owner?.Login ?? string.Empty,
            ["customer_id"] = Id(ticket.CustomerId),
            ["customer.login"] = customer?.Login ?? string.Empty,
            ["customer.email"] = customer?.Email ?? string.Empty,
        };
        var text = new List<string> { ticket.Title, ticket.Number };
        foreach (var article in articles)
        {
            text.Add(article.Body);
            text.AddRange(new[] { article.From, article.To, article.Subject }.OfType<string>());
        }

        return new TicketSearchDocument(ticket.Clone(), fields, text, api.Tags.LiveOf(ticket.Id).ToArray());
    }

    /// <summary>True when the document matches the query.</summary>
    public bool Matches(TicketQueryNode node) => node switch
    {
        MatchAllNode => true,
        AndNode and => Matches(and.Left) && Matches(and.Right),
        OrNode or => Matches(or.Left) || Matches(or.Right),
        NotNode not => !Matches(not.Operand),
        TermNode term => MatchesTerm(term),
        _ => false,
    };

    private bool MatchesTerm(TermNode term)
    {
        var value = term.Value;
        switch (term.Field)
        {
            case null:
                return FreeText.Any(t => t.Contains(value, StringComparison.OrdinalIgnoreCase));
            case "tags":
                return Tags.Any(t => t.Equals(value, StringComparison.OrdinalIgnoreCase));
            case "number":
                return Fields["number"] == value;
            case var field when TicketQueryFields.IdFields.Contains(field):
                return int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) && Fields[field] == Id(id);
            case var field when Fields.TryGetValue(field, out var text):
                return text.Contains(value, StringComparison.OrdinalIgnoreCase);
            case var custom:
                return Ticket.CustomFields.GetValueOrDefault(custom) switch
                {
                    null => false,
                    JsonValue v when v.TryGetValue<string>(out var s) => s.Contains(value, StringComparison.OrdinalIgnoreCase),
                    var other => other.ToJsonString().Equals(value, StringComparison.OrdinalIgnoreCase),
                };
        }
    }

    private static string Id(int value) => value.ToString(CultureInfo.InvariantCulture);
}
