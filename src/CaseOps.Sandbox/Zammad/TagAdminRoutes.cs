using System.Globalization;
using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// Tag administration (docs/contracts/zammad.md, Tag administration; admins only): list with counts, create, rename
/// (onto an existing name: the two merge), delete (detached from every ticket). Changes made here
/// write no ticket history and do not bump <c>updated_at</c>: they are list maintenance, not ticket edits.
/// </summary>
internal sealed class TagAdminRoutes(ZammadApi api)
{
    /// <summary>Maps the endpoints onto the authenticated Zammad group.</summary>
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/tag_list", List);
        routes.MapPost("/tag_list", Create);
        routes.MapPut("/tag_list/{id}", Rename);
        routes.MapDelete("/tag_list/{id}", Delete);
    }

    private IResult List(HttpContext context)
    {
        var call = ZammadCall.Of(context);
        call.RequireAdmin();
        var tags = api.Tags.List().AsEnumerable();
        if (call.Params.Int("limit") is { } limit and > 0)
        {
            tags = tags.Take(limit);
        }

        return ZammadResults.Json(new JsonArray(tags.Select(t => (JsonNode?)new JsonObject { ["id"] = t.Id, ["name"] = t.Name, ["count"] = t.Count }).ToArray()));
    }

    private IResult Create(HttpContext context)
    {
        var call = ZammadCall.Of(context);
        call.RequireAdmin();
        api.Tags.CreateItem(Name(call));
        return ZammadResults.Json(new JsonObject());
    }

    private IResult Rename(HttpContext context, string id)
    {
        var call = ZammadCall.Of(context);
        call.RequireAdmin();
        var name = Name(call);
        _ = api.Tags.Rename(ParseId(id), name) ?? throw ZammadFailure.NotFound("Tag::Item", id);
        return ZammadResults.Json(new JsonObject());
    }

    private IResult Delete(HttpContext context, string id)
    {
        var call = ZammadCall.Of(context);
        call.RequireAdmin();
        _ = api.Tags.DeleteItem(ParseId(id)) ?? throw ZammadFailure.NotFound("Tag::Item", id);
        return ZammadResults.Json(new JsonObject());
    }

    private static int ParseId(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw ZammadFailure.NotFound("Tag::Item", text);

    private static string Name(ZammadCall call) =>
        call.Params.String("name")?.Trim() is { Length: > 0 } name ? name : throw ZammadFailure.Unprocessable("Need 'name' param.");
}
