using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// Turns the association keys of a create/update body into ids: <c>group</c>/<c>group_id</c>,
/// <c>state</c>/<c>state_id</c>, <c>priority</c>/<c>priority_id</c>, <c>owner</c>/<c>owner_id</c>,
/// <c>customer</c>/<c>customer_id</c> (names, logins/emails or ids; <c>guess:&lt;email&gt;</c> for
/// customers). When both forms are sent the <c>*_id</c> key wins. Unknown values answer 422
/// <c>No lookup value found for '&lt;key&gt;': "&lt;value&gt;"</c>, naming the key that was sent.
/// Each method answers null when neither key was sent (or was sent as null).
/// </summary>
internal sealed class TicketFieldResolver(ZammadApi api, ZammadParams parameters)
{
    /// <summary>Group id.</summary>
    public int? Group() => Resolve("group", id => api.Lookups.Group(id)?.Id, name => api.Lookups.Group(name)?.Id);

    /// <summary>State id.</summary>
    public int? State() => Resolve("state", id => api.Lookups.State(id)?.Id, name => api.Lookups.State(name)?.Id);

    /// <summary>Priority id.</summary>
    public int? Priority() => Resolve("priority", id => api.Lookups.Priority(id)?.Id, name => api.Lookups.Priority(name)?.Id);

    /// <summary>Owner id: an agent, or 1 (unassigned).</summary>
    public int? Owner() => Resolve("owner", id => AsOwner(api.Users.Find(id)), name => AsOwner(api.Users.FindByLoginOrEmail(name)));

    /// <summary>Customer id; <c>guess:&lt;email&gt;</c> finds or creates a customer with that email.</summary>
    public int? Customer(DateTime now) => Resolve(
        "customer",
        id => api.Users.Find(id)?.Id,
        name =>
        {
            if (name.StartsWith("guess:", StringComparison.OrdinalIgnoreCase))
            {
                var email = name["guess:".Length..].Trim();
                var at = email.IndexOf('@', StringComparison.Ordinal);
                return at > 0 && at < email.Length - 1 ? api.Users.FindOrCreateCustomer(email, now).Id : null;
            }

            return api.Users.FindByLoginOrEmail(name)?.Id;
        });

    private static int? AsOwner(ZammadUser? user) => user is not null && (user.IsAgent || user.Id == ZammadUser.SystemId) ? user.Id : null;

    private int? Resolve(string name, Func<int, int?> byId, Func<string, int?> byName)
    {
        var idKey = name + "_id";
        if (parameters.Node(idKey) is { } idNode)
        {
            var text = ZammadParams.Text(idNode) ?? string.Empty;
            if (ZammadParams.AsInt(idNode) is { } id)
            {
                return byId(id) ?? throw ZammadFailure.NoLookup(idKey, text);
            }

            // Zammad accepts "guess:<email>" in customer_id; other non-numeric ids are lookups by name.
            return byName(text) ?? throw ZammadFailure.NoLookup(idKey, text);
        }

        if (parameters.Node(name) is { } nameNode)
        {
            var text = ZammadParams.Text(nameNode) ?? string.Empty;
            return (nameNode is JsonValue && ZammadParams.AsInt(nameNode) is { } numeric && byName(text) is null ? byId(numeric) : byName(text))
                ?? throw ZammadFailure.NoLookup(name, text);
        }

        return null;
    }
}
