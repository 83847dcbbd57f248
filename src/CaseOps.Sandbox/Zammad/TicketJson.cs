using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// Renders tickets in the three shapes of docs/contracts/zammad.md, Ticket schema: plain <c>T</c>, <c>T+ids</c> and
/// <c>T+names</c>. Callers hold the Zammad lock (article ids are read from the live store).
/// </summary>
internal sealed class TicketJson(ZammadApi api)
{
    /// <summary>Plain <c>T</c>; custom fields follow the built-in keys (null when unset).</summary>
    public JsonObject Plain(ZammadTicket ticket)
    {
        var articleCount = api.Articles.IdsOf(ticket.Id).Count;
        var json = new JsonObject
        {
            ["id"] = ticket.Id,
            ["group_id"] = ticket.GroupId,
            ["priority_id"] = ticket.PriorityId,
            ["state_id"] = ticket.StateId,
            ["organization_id"] = ticket.OrganizationId,
            ["number"] = ticket.Number,
            ["title"] = ticket.Title,
            ["owner_id"] = ticket.OwnerId,
            ["customer_id"] = ticket.CustomerId,
            ["note"] = ticket.Note,
            ["first_response_at"] = null,
            ["first_response_escalation_at"] = null,
            ["first_response_in_min"] = null,
            ["first_response_diff_in_min"] = null,
            ["close_at"] = ZammadTime.Format(ticket.CloseAt),
            ["close_escalation_at"] = null,
            ["close_in_min"] = null,
            ["close_diff_in_min"] = null,
            ["update_escalation_at"] = null,
            ["update_in_min"] = null,
            ["update_diff_in_min"] = null,
            ["last_close_at"] = ZammadTime.Format(ticket.CloseAt),
            ["last_contact_at"] = ZammadTime.Format(ticket.LastContactAt),
            ["last_contact_agent_at"] = null,
            ["last_contact_customer_at"] = null,
            ["last_owner_update_at"] = null,
            ["create_article_type_id"] = ticket.CreateArticleTypeId,
            ["create_article_sender_id"] = ticket.CreateArticleSenderId,
            ["article_count"] = articleCount,
            ["escalation_at"] = null,
            ["pending_time"] = ZammadTime.Format(ticket.PendingTime),
            ["type"] = null,
            ["time_unit"] = ZammadTimeUnit.Format(api.TimeAccountings.SumOf(ticket.Id)),
            ["preferences"] = new JsonObject(),
            ["updated_by_id"] = ticket.UpdatedById,
            ["created_by_id"] = ticket.CreatedById,
            ["created_at"] = ZammadTime.Format(ticket.CreatedAt),
            ["updated_at"] = ZammadTime.Format(ticket.UpdatedAt),
        };
        foreach (var field in api.CustomFieldNames)
        {
            json[field] = ticket.CustomFields.GetValueOrDefault(field)?.DeepClone();
        }

        return json;
    }

    /// <summary><c>T+ids</c>: plain plus <c>article_ids</c> and <c>ticket_time_accounting_ids</c>.</summary>
    public JsonObject WithIds(ZammadTicket ticket)
    {
        var json = Plain(ticket);
        json["article_ids"] = new JsonArray(api.Articles.IdsOf(ticket.Id).Select(id => (JsonNode?)id).ToArray());
        json["ticket_time_accounting_ids"] = new JsonArray(api.TimeAccountings.IdsOf(ticket.Id).Select(id => (JsonNode?)id).ToArray());
        return json;
    }

    /// <summary><c>T+names</c>: ids plus association names (users by login); <c>organization</c> only when set.</summary>
    public JsonObject WithNames(ZammadTicket ticket)
    {
        var json = WithIds(ticket);

        // docs/contracts/zammad.md, Ticket schema: the server lists only related records that carry a name, which time accountings do
        // not, and then drops the key; with no entries the empty list survives.
        if (api.TimeAccountings.IdsOf(ticket.Id).Count == 0)
        {
            json["ticket_time_accounting"] = new JsonArray();
        }

        json["group"] = api.Lookups.Group(ticket.GroupId)?.Name;
        json["state"] = api.Lookups.State(ticket.StateId)?.Name;
        json["priority"] = api.Lookups.Priority(ticket.PriorityId)?.Name;
        json["owner"] = api.Users.Find(ticket.OwnerId)?.Login;
        json["customer"] = api.Users.Find(ticket.CustomerId)?.Login;
        json["created_by"] = api.Users.Find(ticket.CreatedById)?.Login;
        json["updated_by"] = api.Users.Find(ticket.UpdatedById)?.Login;
        json["create_article_type"] = api.Lookups.ArticleTypes.GetValueOrDefault(ticket.CreateArticleTypeId);
        json["create_article_sender"] = api.Lookups.Senders.GetValueOrDefault(ticket.CreateArticleSenderId);
        if (ZammadOrganizations.NameOf(ticket.OrganizationId) is { } organization)
        {
            json["organization"] = organization;
        }

        return json;
    }

    /// <summary><c>T+names</c> when <paramref name="expand"/>, else <c>T+ids</c> (the create/update answer).</summary>
    public JsonObject Answer(ZammadTicket ticket, bool expand) => expand ? WithNames(ticket) : WithIds(ticket);

    /// <summary>
    /// Assets of a set of tickets, as classic search and links answer them: the tickets (T+ids) and
    /// the users, groups, organizations and roles they reference, keyed by class then id.
    /// </summary>
    public JsonObject Assets(IEnumerable<ZammadTicket> tickets)
    {
        var ticketAssets = new JsonObject();
        var users = new SortedDictionary<int, JsonNode?>();
        var groups = new SortedDictionary<int, JsonNode?>();
        var organizations = new JsonObject();
        var roles = new SortedSet<int>();
        foreach (var ticket in tickets)
        {
            ticketAssets[Key(ticket.Id)] = WithIds(ticket);
            foreach (var userId in new[] { ticket.OwnerId, ticket.CustomerId, ticket.CreatedById, ticket.UpdatedById })
            {
                if (!users.ContainsKey(userId) && api.Users.Find(userId) is { } user)
                {
                    users[userId] = user.ToJson();
                    roles.UnionWith(user.RoleIds);
                }
            }

            if (!groups.ContainsKey(ticket.GroupId) && api.Lookups.Group(ticket.GroupId) is { } group)
            {
                groups[ticket.GroupId] = group.ToJson();
            }

            if (ZammadOrganizations.NameOf(ticket.OrganizationId) is { } name && !organizations.ContainsKey(Key(ticket.OrganizationId!.Value)))
            {
                organizations[Key(ticket.OrganizationId.Value)] = new JsonObject { ["id"] = ticket.OrganizationId, ["name"] = name, ["active"] = true };
            }
        }

        var roleAssets = new JsonObject();
        foreach (var role in roles)
        {
            roleAssets[Key(role)] = new JsonObject { ["id"] = role, ["name"] = RoleName(role), ["active"] = true };
        }

        return new JsonObject
        {
            ["Ticket"] = ticketAssets,
            ["User"] = ToObject(users),
            ["Group"] = ToObject(groups),
            ["Organization"] = organizations,
            ["Role"] = roleAssets,
        };
    }

    private static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string RoleName(int role) => role switch
    {
        ZammadUser.AdminRole => "Admin",
        ZammadUser.AgentRole => "Agent",
        _ => "Customer",
    };

    private static JsonObject ToObject(SortedDictionary<int, JsonNode?> items)
    {
        var json = new JsonObject();
        foreach (var (id, node) in items)
        {
            json[Key(id)] = node;
        }

        return json;
    }
}
