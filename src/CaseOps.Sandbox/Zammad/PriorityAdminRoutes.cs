namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// Priority administration, docs/contracts/zammad.md, Priorities and states (admins only; agents get 403 before any
/// lookup): create (201; <c>name</c> required and unique ignoring case; optional <c>default_create</c>,
/// <c>ui_icon</c>, <c>ui_color</c>, <c>note</c>, <c>active</c>), update any of those, delete (refused with
/// 422 while a ticket uses it or while it is the default for new tickets). Setting <c>default_create</c>
/// moves the flag from the previous default. Changes are visible at once to the lists, ticket writes and search.
/// </summary>
internal sealed class PriorityAdminRoutes(ZammadApi api)
{
    private const string Model = "Ticket::Priority";

    /// <summary>Maps the endpoints onto the authenticated Zammad group.</summary>
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/ticket_priorities", Create);
        routes.MapPut("/ticket_priorities/{id}", Update);
        routes.MapDelete("/ticket_priorities/{id}", Delete);
    }

    private IResult Create(HttpContext context)
    {
        var call = LookupAdmin.Admin(context);
        var p = call.Params;
        lock (api.Gate)
        {
            var name = LookupAdmin.Name(p, true, api.Lookups.Priorities.Select(x => x.Name))!;
            var now = api.Clock.Next();
            var priority = new ZammadPriority(0, name, p.Bool("default_create"), p.String("ui_icon") ?? string.Empty, p.String("ui_color"), now)
            {
                Note = p.String("note"),
                Active = LookupAdmin.Bool(p, "active", true),
                CreatedById = call.User.Id,
                UpdatedById = call.User.Id,
            };
            return ZammadResults.Json(api.Lookups.SavePriority(priority).ToJson(), StatusCodes.Status201Created);
        }
    }

    private IResult Update(HttpContext context, string id)
    {
        var call = LookupAdmin.Admin(context);
        var p = call.Params;
        lock (api.Gate)
        {
            var current = api.Lookups.Priority(LookupAdmin.ParseId(id, Model)) ?? throw ZammadFailure.NotFound(Model, id);
            var name = LookupAdmin.Name(p, false, api.Lookups.Priorities.Where(x => x.Id != current.Id).Select(x => x.Name)) ?? current.Name;
            var changed = current with
            {
                Name = name,
                DefaultCreate = LookupAdmin.Bool(p, "default_create", current.DefaultCreate),
                UiIcon = LookupAdmin.Text(p, "ui_icon", current.UiIcon) ?? string.Empty,
                UiColor = LookupAdmin.Text(p, "ui_color", current.UiColor),
                Note = LookupAdmin.Text(p, "note", current.Note),
                Active = LookupAdmin.Bool(p, "active", current.Active),
                UpdatedById = call.User.Id,
                UpdatedAt = api.Clock.Next(),
            };
            return ZammadResults.Json(api.Lookups.SavePriority(changed).ToJson());
        }
    }

    private IResult Delete(HttpContext context, string id)
    {
        LookupAdmin.Admin(context);
        lock (api.Gate)
        {
            var priority = api.Lookups.Priority(LookupAdmin.ParseId(id, Model)) ?? throw ZammadFailure.NotFound(Model, id);
            if (api.Tickets.LiveAll.Any(t => t.PriorityId == priority.Id))
            {
                throw ZammadFailure.Unprocessable(LookupAdmin.HasReferences);
            }

            if (priority.DefaultCreate)
            {
                throw ZammadFailure.Unprocessable("Can't delete the default priority for new tickets; make another priority the default first.");
            }

            api.Lookups.RemovePriority(priority.Id);
            return LookupAdmin.Deleted();
        }
    }
}
