using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// State administration, docs/contracts/zammad.md, Priorities and states (admins only; agents get 403 before any
/// lookup), and <c>GET /ticket_state_types</c> (any caller) so clients can resolve a type by name.
/// Create needs <c>name</c> (unique ignoring case) and a valid <c>state_type_id</c> (or <c>state_type</c>
/// by name); optional <c>next_state_id</c> (an existing state), <c>ignore_escalation</c>,
/// <c>default_create</c>, <c>default_follow_up</c> (each flag moves from the previous holder), <c>note</c>,
/// <c>active</c>. Delete is refused (422) while a ticket or another state's <c>next_state_id</c> uses it,
/// for the default create/follow-up states, and for <c>merged</c> (merges need it).
/// </summary>
internal sealed class StateAdminRoutes(ZammadApi api)
{
    private const string Model = "Ticket::State";

    /// <summary>Maps the endpoints onto the authenticated Zammad group.</summary>
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/ticket_states", Create);
        routes.MapPut("/ticket_states/{id}", Update);
        routes.MapDelete("/ticket_states/{id}", Delete);
        routes.MapGet("/ticket_state_types", Types);
    }

    private IResult Create(HttpContext context)
    {
        var call = LookupAdmin.Admin(context);
        var p = call.Params;
        lock (api.Gate)
        {
            var name = LookupAdmin.Name(p, true, api.Lookups.States.Select(x => x.Name))!;
            var typeId = StateTypeId(p);
            var now = api.Clock.Next();
            var state = new ZammadState(
                0,
                typeId,
                name,
                NextStateId(p),
                p.Bool("ignore_escalation"),
                p.Bool("default_create"),
                p.Bool("default_follow_up"),
                LookupAdmin.Bool(p, "active", true),
                now)
            {
                Note = p.String("note"),
                CreatedById = call.User.Id,
                UpdatedById = call.User.Id,
            };
            return ZammadResults.Json(api.Lookups.SaveState(state).ToJson(), StatusCodes.Status201Created);
        }
    }

    private IResult Update(HttpContext context, string id)
    {
        var call = LookupAdmin.Admin(context);
        var p = call.Params;
        lock (api.Gate)
        {
            var current = api.Lookups.State(LookupAdmin.ParseId(id, Model)) ?? throw ZammadFailure.NotFound(Model, id);
            var name = LookupAdmin.Name(p, false, api.Lookups.States.Where(x => x.Id != current.Id).Select(x => x.Name)) ?? current.Name;
            var changed = current with
            {
                Name = name,
                StateTypeId = p.Has("state_type_id") || p.Has("state_type") ? StateTypeId(p) : current.StateTypeId,
                NextStateId = p.Has("next_state_id") ? NextStateId(p) : current.NextStateId,
                IgnoreEscalation = LookupAdmin.Bool(p, "ignore_escalation", current.IgnoreEscalation),
                DefaultCreate = LookupAdmin.Bool(p, "default_create", current.DefaultCreate),
                DefaultFollowUp = LookupAdmin.Bool(p, "default_follow_up", current.DefaultFollowUp),
                Active = LookupAdmin.Bool(p, "active", current.Active),
                Note = LookupAdmin.Text(p, "note", current.Note),
                UpdatedById = call.User.Id,
                UpdatedAt = api.Clock.Next(),
            };
            return ZammadResults.Json(api.Lookups.SaveState(changed).ToJson());
        }
    }

    private IResult Delete(HttpContext context, string id)
    {
        LookupAdmin.Admin(context);
        lock (api.Gate)
        {
            var state = api.Lookups.State(LookupAdmin.ParseId(id, Model)) ?? throw ZammadFailure.NotFound(Model, id);
            if (api.Tickets.LiveAll.Any(t => t.StateId == state.Id) || api.Lookups.States.Any(s => s.NextStateId == state.Id && s.Id != state.Id))
            {
                throw ZammadFailure.Unprocessable(LookupAdmin.HasReferences);
            }

            if (state.DefaultCreate || state.DefaultFollowUp)
            {
                throw ZammadFailure.Unprocessable("Can't delete a default state (default_create or default_follow_up); make another state the default first.");
            }

            if (state.Id == ZammadState.MergedId)
            {
                throw ZammadFailure.Unprocessable("Can't delete the state used for merged tickets.");
            }

            api.Lookups.RemoveState(state.Id);
            return LookupAdmin.Deleted();
        }
    }

    private IResult Types(HttpContext context)
    {
        _ = ZammadCall.Of(context);
        var types = api.Lookups.StateTypes.OrderBy(t => t.Key).Select(t => (JsonNode?)new JsonObject { ["id"] = t.Key, ["name"] = t.Value });
        return ZammadResults.Json(new JsonArray(types.ToArray()));
    }

    /// <summary><c>state_type_id</c> (wins) or <c>state_type</c> by name; anything else, absence included, is a lookup 422.</summary>
    private int StateTypeId(ZammadParams p)
    {
        if (p.Has("state_type_id") || !p.Has("state_type"))
        {
            var node = p.Node("state_type_id");
            return ZammadParams.AsInt(node) is { } id && api.Lookups.StateTypes.ContainsKey(id)
                ? id
                : throw ZammadFailure.NoLookup("state_type_id", ZammadParams.Text(node) ?? string.Empty);
        }

        var name = p.String("state_type") ?? string.Empty;
        return api.Lookups.StateType(name) ?? throw ZammadFailure.NoLookup("state_type", name);
    }

    private int? NextStateId(ZammadParams p)
    {
        if (p.Node("next_state_id") is not { } node)
        {
            return null;
        }

        return ZammadParams.AsInt(node) is { } id && api.Lookups.State(id) is not null
            ? id
            : throw ZammadFailure.NoLookup("next_state_id", ZammadParams.Text(node) ?? string.Empty);
    }
}
