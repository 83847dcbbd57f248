using System.Text;
using System.Text.Json.Nodes;
using CaseOps.Sandbox.Http;

namespace CaseOps.Sandbox.Zammad;

/// <summary>Zammad answers: JSON with <c>application/json; charset=utf-8</c>, and the empty 200 of ticket delete.</summary>
internal static class ZammadResults
{
    /// <summary>Content type of every JSON answer (docs/contracts/zammad.md, Conventions).</summary>
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>A JSON answer with the given status.</summary>
    public static IResult Json(JsonNode? node, int status = StatusCodes.Status200OK) =>
        Results.Text(node is null ? "null" : node.ToJsonString(SandboxJson.Options), JsonContentType, Encoding.UTF8, status);

    /// <summary>200 with no body and no content type (DELETE /tickets/{id}).</summary>
    public static IResult Empty() => Results.StatusCode(StatusCodes.Status200OK);
}
