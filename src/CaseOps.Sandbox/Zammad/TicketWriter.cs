using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// Ticket create (docs/contracts/zammad.md, Ticket request body) and partial update (same document, Tickets) from request parameters: resolves
/// names, validates, applies, and writes history. Validation happens before anything is stored.
/// </summary>
internal sealed class TicketWriter(ZammadApi api)
{
    private static readonly (string Attribute, Func<ZammadTicket, int> Get)[] TrackedIds =
    [
        ("group", t => t.GroupId), ("state", t => t.StateId), ("priority", t => t.PriorityId), ("owner", t => t.OwnerId), ("customer", t => t.CustomerId),
    ];

    /// <summary>Creates a ticket; answers the live ticket (the caller renders it under the lock).</summary>
    public ZammadTicket Create(ZammadCall call)
    {
        var p = call.Params;
        var title = p.String("title");
        if (string.IsNullOrWhiteSpace(title))
        {
            throw ZammadFailure.Unprocessable("Validation failed: Title can't be blank");
        }

        var resolver = new TicketFieldResolver(api, p);
        var groupId = resolver.Group() ?? throw ZammadFailure.Unprocessable("Validation failed: Group can't be blank");
        var stateId = resolver.State() ?? api.Lookups.DefaultStateId;
        var priorityId = resolver.Priority() ?? api.Lookups.DefaultPriorityId;
        var ownerId = resolver.Owner() ?? ZammadUser.SystemId;
        var pending = PendingTime(p);
        var now = api.Clock.Next();
        var article = ArticleReader.Read(p.Node("article"), api.Lookups, call.User, now);

        // Customers create for themselves and cannot assign; agents must name a customer.
        int customerId;
        if (call.User.IsAgent)
        {
            customerId = resolver.Customer(now) ?? throw ZammadFailure.Unprocessable("Validation failed: Customer can't be blank");
        }
        else
        {
            customerId = call.User.Id;
            ownerId = ZammadUser.SystemId;
        }

        var ticket = new ZammadTicket
        {
            Title = title.Trim(),
            GroupId = groupId,
            StateId = stateId,
            PriorityId = priorityId,
            OwnerId = ownerId,
            CustomerId = customerId,
            OrganizationId = p.Has("organization_id") ? p.Int("organization_id") : api.Users.Find(customerId)?.OrganizationId,
            Note = p.String("note"),
            PendingTime = pending,
            CloseAt = api.Lookups.StateTypeOf(stateId) == "closed" ? now : null,
            CreatedById = call.User.Id,
            UpdatedById = call.User.Id,
            CreatedAt = now,
            UpdatedAt = now,
        };
        ApplyCustomFields(ticket, p);
        if (article is not null)
        {
            article.Subject ??= ticket.Title;
        }

        lock (api.Gate)
        {
            api.Tickets.Insert(ticket, article is null ? [] : [article], Tags(p));
            if (article is not null)
            {
                new TimeAccountingRecorder(api).RecordArticleTime(ticket, article);
            }

            AddLinks(ticket, p.Node("links"), now);
            return ticket;
        }
    }

    /// <summary>Applies the keys that were sent; answers the live ticket. Bumps <c>updated_at</c> only when something changed.</summary>
    public ZammadTicket Update(ZammadCall call, int id)
    {
        var p = call.Params;
        ZammadTicket current;
        lock (api.Gate)
        {
            current = api.Tickets.Live(id)?.Clone() ?? throw ZammadFailure.NotFound("Ticket", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (!call.CanRead(current))
        {
            throw ZammadFailure.NotAuthorized();
        }

        if (p.Has("title") && string.IsNullOrWhiteSpace(p.String("title")))
        {
            throw ZammadFailure.Unprocessable("Validation failed: Title can't be blank");
        }

        var resolver = new TicketFieldResolver(api, p);
        var groupId = resolver.Group();
        var stateId = resolver.State();
        var priorityId = resolver.Priority();
        var ownerId = call.User.IsAgent ? resolver.Owner() : null;
        var pending = p.Has("pending_time") ? PendingTime(p) : current.PendingTime;
        var now = api.Clock.Next();
        var customerId = call.User.IsAgent ? resolver.Customer(now) : null;
        var article = ArticleReader.Read(p.Node("article"), api.Lookups, call.User, now);

        lock (api.Gate)
        {
            var ticket = api.Tickets.Live(id) ?? throw ZammadFailure.NotFound("Ticket", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var before = ticket.Clone();
            if (p.Has("title"))
            {
                ticket.Title = p.String("title")!.Trim();
            }

            ticket.GroupId = groupId ?? ticket.GroupId;
            ticket.StateId = stateId ?? ticket.StateId;
            ticket.PriorityId = priorityId ?? ticket.PriorityId;
            ticket.OwnerId = ownerId ?? ticket.OwnerId;
            ticket.CustomerId = customerId ?? ticket.CustomerId;
            if (p.Has("organization_id"))
            {
                ticket.OrganizationId = p.Int("organization_id");
            }

            if (p.Has("note"))
            {
                ticket.Note = p.String("note");
            }

            ticket.PendingTime = pending;
            ApplyCustomFields(ticket, p);
            var changed = Record(before, ticket, call.User.Id, now) | !SameCustomFields(before, ticket)
                | before.OrganizationId != ticket.OrganizationId | before.Note != ticket.Note | before.PendingTime != ticket.PendingTime;
            if (article is not null)
            {
                article.Subject ??= ticket.Title;
                api.Tickets.AddArticle(ticket, article);
                new TimeAccountingRecorder(api).RecordArticleTime(ticket, article);
                changed = true;
            }

            if (changed)
            {
                if (before.StateId != ticket.StateId && api.Lookups.StateTypeOf(ticket.StateId) == "closed")
                {
                    ticket.CloseAt = now;
                }

                ticket.UpdatedAt = now;
                ticket.UpdatedById = call.User.Id;
            }

            return ticket;
        }
    }

    /// <summary>Writes <c>updated</c> history rows for changed title and associations; true when any changed.</summary>
    private bool Record(ZammadTicket before, ZammadTicket after, int actorId, DateTime now)
    {
        var changed = false;
        if (before.Title != after.Title)
        {
            api.History.Add(new ZammadHistoryEntry { OId = after.Id, Type = "updated", Attribute = "title", ValueFrom = before.Title, ValueTo = after.Title, CreatedById = actorId, CreatedAt = now });
            changed = true;
        }

        foreach (var (attribute, get) in TrackedIds)
        {
            var (from, to) = (get(before), get(after));
            if (from != to)
            {
                api.History.Add(new ZammadHistoryEntry
                {
                    OId = after.Id,
                    Type = "updated",
                    Attribute = attribute,
                    ValueFrom = NameOf(attribute, from),
                    ValueTo = NameOf(attribute, to),
                    IdFrom = from,
                    IdTo = to,
                    CreatedById = actorId,
                    CreatedAt = now,
                });
                changed = true;
            }
        }

        return changed;
    }

    private string? NameOf(string attribute, int id) => attribute switch
    {
        "group" => api.Lookups.Group(id)?.Name,
        "state" => api.Lookups.State(id)?.Name,
        "priority" => api.Lookups.Priority(id)?.Name,
        _ => api.Users.Find(id)?.Login,
    };

    private void ApplyCustomFields(ZammadTicket ticket, ZammadParams p)
    {
        // Only the configured attributes are kept; Zammad drops unknown keys silently.
        foreach (var field in api.CustomFieldNames)
        {
            if (p.Has(field))
            {
                ticket.CustomFields[field] = p.Node(field)?.DeepClone();
            }
        }
    }

    private static bool SameCustomFields(ZammadTicket a, ZammadTicket b) =>
        a.CustomFields.Count == b.CustomFields.Count
        && a.CustomFields.All(p => b.CustomFields.TryGetValue(p.Key, out var other) && JsonNode.DeepEquals(p.Value, other));

    private static DateTime? PendingTime(ZammadParams p)
    {
        if (p.String("pending_time") is not { Length: > 0 } text)
        {
            return null;
        }

        return ZammadTime.TryParse(text, out var utc) ? utc : throw ZammadFailure.Unprocessable($"Invalid value for param 'pending_time': \"{text}\"");
    }

    /// <summary><c>tags</c> as one comma-separated string (the documented form) or, leniently, an array.</summary>
    private static IEnumerable<string> Tags(ZammadParams p) =>
        p.List("tags").SelectMany(t => t.Split(',')).Select(t => t.Trim()).Where(t => t.Length > 0).ToArray();

    /// <summary><c>links: {"Ticket":{"normal":[ids],"parent":[ids],"child":[ids]}}</c>; unknown ticket ids are skipped.</summary>
    private void AddLinks(ZammadTicket ticket, JsonNode? links, DateTime now)
    {
        if (links?["Ticket"] is not JsonObject byType)
        {
            return;
        }

        foreach (var (type, ids) in byType)
        {
            if (type is not ("normal" or "parent" or "child") || ids is not JsonArray array)
            {
                continue;
            }

            foreach (var other in array.Select(ZammadParams.AsInt).OfType<int>())
            {
                // Row (type, S=other, X=new): the new ticket lists `other` with this type.
                if (other != ticket.Id && api.Tickets.Live(other) is not null)
                {
                    api.Links.Add(type, other, ticket.Id, now);
                }
            }
        }
    }
}
