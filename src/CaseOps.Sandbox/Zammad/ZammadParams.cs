using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// Request parameters the Rails way: the query string and a JSON object body merged into one bag
/// (body keys win, as in Rails' <c>params</c>), for every verb including GET and DELETE.
/// <c>key[]=a&amp;key[]=b</c> and repeated keys become arrays.
/// </summary>
public sealed class ZammadParams
{
    private readonly Dictionary<string, JsonNode?> values;

    private ZammadParams(Dictionary<string, JsonNode?> values) => this.values = values;

    /// <summary>Names of all parameters present.</summary>
    public IEnumerable<string> Keys => values.Keys;

    /// <summary>Reads the query string and (when there is one) the JSON body. A body that is not a JSON object answers 400.</summary>
    public static async Task<ZammadParams> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, raw) in request.Query)
        {
            var isArray = key.EndsWith("[]", StringComparison.Ordinal);
            var name = isArray ? key[..^2] : key;
            if (isArray || raw.Count > 1)
            {
                values[name] = new JsonArray(raw.Select(v => (JsonNode?)JsonValue.Create(v ?? string.Empty)).ToArray());
            }
            else
            {
                values[name] = JsonValue.Create(raw.ToString());
            }
        }

        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(ct).ConfigureAwait(false);
        if (!string.IsNullOrWhiteSpace(text))
        {
            JsonNode? body;
            try
            {
                body = JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                throw new ZammadFailure(StatusCodes.Status400BadRequest, "Unable to parse the request body as JSON.");
            }

            // Zammad ignores bodies that are not objects (e.g. "true"); only object keys become params.
            if (body is JsonObject obj)
            {
                foreach (var (key, value) in obj.ToArray())
                {
                    obj.Remove(key);
                    values[key] = value;
                }
            }
        }

        return new ZammadParams(values);
    }

    /// <summary>Builds a bag from ready values (tests and internal calls).</summary>
    public static ZammadParams From(IEnumerable<KeyValuePair<string, JsonNode?>> pairs) =>
        new(new Dictionary<string, JsonNode?>(pairs, StringComparer.Ordinal));

    /// <summary>True when the key was sent (even with a null value).</summary>
    public bool Has(string key) => values.ContainsKey(key);

    /// <summary>The raw JSON value, or null when absent or JSON null.</summary>
    public JsonNode? Node(string key) => values.GetValueOrDefault(key);

    /// <summary>The value as text (numbers and booleans in their JSON spelling), or null.</summary>
    public string? String(string key) => Text(values.GetValueOrDefault(key));

    /// <summary>The value as an integer (a JSON number or a string of digits); null when absent, null or not an integer.</summary>
    public int? Int(string key) => AsInt(values.GetValueOrDefault(key));

    /// <summary><c>true</c>/<c>1</c> (any case, string or JSON) are true; everything else is false.</summary>
    public bool Bool(string key) => String(key) is { } text && (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text == "1");

    /// <summary>The value as a list of strings: a JSON array, or a single value as a one-item list.</summary>
    public IReadOnlyList<string> List(string key) => values.GetValueOrDefault(key) switch
    {
        null => [],
        JsonArray array => array.Select(Text).OfType<string>().ToArray(),
        var single => Text(single) is { } text ? [text] : [],
    };

    /// <summary>JSON text of a node as a plain string (strings unquoted).</summary>
    public static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        JsonValue value => value.ToJsonString(),
        _ => node.ToJsonString(),
    };

    /// <summary>A node as an integer, when it is one (number or digit string).</summary>
    public static int? AsInt(JsonNode? node)
    {
        if (node is JsonValue value)
        {
            if (value.TryGetValue<int>(out var number))
            {
                return number;
            }

            if (value.TryGetValue<long>(out _))
            {
                return null;
            }

            if (value.TryGetValue<double>(out var real) && real == Math.Floor(real) && real is >= int.MinValue and <= int.MaxValue)
            {
                return (int)real;
            }

            if (value.TryGetValue<string>(out var text)
                && int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }
        }

        return null;
    }
}
