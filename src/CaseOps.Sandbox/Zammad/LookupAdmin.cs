using System.Globalization;
using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// What priority and state administration share (docs/contracts/zammad.md, Priorities and states): admin check, id parsing,
/// name validation (required, unique case-insensitively, trimmed), optional field reading and the
/// delete refusals of the same section.
/// </summary>
internal static class LookupAdmin
{
    /// <summary>The 422 text of a record still used somewhere.</summary>
    public const string HasReferences = "Can't delete, object has references.";

    /// <summary>The call, after the admin check (403 <c>Not authorized</c> for agents and customers, before any lookup).</summary>
    public static ZammadCall Admin(HttpContext context)
    {
        var call = ZammadCall.Of(context);
        call.RequireAdmin();
        return call;
    }

    /// <summary>The record id of a path segment, or 404 for <paramref name="model"/>.</summary>
    public static int ParseId(string text, string model) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw ZammadFailure.NotFound(model, text);

    /// <summary>
    /// The trimmed name: required on create (and when sent on update), unique among
    /// <paramref name="others"/> ignoring case. Null on update when not sent.
    /// </summary>
    public static string? Name(ZammadParams p, bool required, IEnumerable<string> others)
    {
        if (!required && !p.Has("name"))
        {
            return null;
        }

        var name = p.String("name")?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            throw ZammadFailure.Unprocessable("Name can't be blank");
        }

        return others.Any(o => o.Equals(name, StringComparison.OrdinalIgnoreCase)) ? throw ZammadFailure.Unprocessable("Name has already been taken") : name;
    }

    /// <summary>A boolean parameter when sent, else <paramref name="current"/>.</summary>
    public static bool Bool(ZammadParams p, string key, bool current) => p.Has(key) ? p.Bool(key) : current;

    /// <summary>A text parameter when sent (null clears it), else <paramref name="current"/>.</summary>
    public static string? Text(ZammadParams p, string key, string? current) => p.Has(key) ? p.String(key) : current;

    /// <summary>The 200 answer of a delete.</summary>
    public static IResult Deleted() => ZammadResults.Json(new JsonObject());
}
