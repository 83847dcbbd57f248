using System.Text.Json;

namespace CaseOps.Sandbox.Http;

/// <summary>Serializer settings for every JSON answer: camelCase keys, nulls written, not indented.</summary>
public static class SandboxJson
{
    /// <summary>Shared options (immutable once used).</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
