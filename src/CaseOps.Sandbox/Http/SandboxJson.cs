using System.Text.Encodings.Web;
using System.Text.Json;

namespace CaseOps.Sandbox.Http;

/// <summary>Serializer settings for every JSON answer: camelCase keys, nulls written, not indented.</summary>
public static class SandboxJson
{
    /// <summary>
    /// Shared options (immutable once used). The relaxed encoder writes non-ASCII text (the en dash
    /// in seeded names) as UTF-8 instead of \u escapes, like the real service; these bodies are
    /// never embedded in HTML, so the HTML-safe escaping of the default encoder buys nothing.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
