using Newtonsoft.Json.Linq;

namespace CaseOps.Http
{
    /// <summary>
    /// Reads the error text out of the body shapes the supported APIs use:
    /// Incydr <c>{"problem","description"}</c>, Spring <c>{"error","message"}</c>,
    /// Zammad <c>{"error","error_human"}</c>. Both come back capped (<see cref="ServerText"/>): they go
    /// into messages.
    /// </summary>
    internal static class ApiErrorParser
    {
        public static (string? Code, string? Message) Parse(string? body)
        {
            if (string.IsNullOrWhiteSpace(body))
                return (null, null);
            var trimmed = body!.TrimStart();
            if (!trimmed.StartsWith("{", StringComparison.Ordinal))
                return (null, Shorten(body));
            JObject json;
            try { json = JObject.Parse(body); }
            catch (Newtonsoft.Json.JsonException) { return (null, Shorten(body)); }

            var code = Text(json, "problem");
            var message = Text(json, "error_human") ?? Text(json, "description") ?? Text(json, "message") ?? Text(json, "error");
            return (ServerText.Cap(code), ServerText.Cap(message));
        }

        private static string? Text(JObject json, string name)
        {
            var token = json[name];
            return token == null || token.Type == JTokenType.Null ? null : token.ToString();
        }

        private static string Shorten(string text) => text.Length <= 300 ? text : text.Substring(0, 300) + "…";
    }
}
