using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CaseOps.Tests.Sandbox;

/// <summary>A response read completely: status, headers, body text and (when JSON) the parsed body.</summary>
public sealed record ApiReply(HttpStatusCode Status, HttpResponseHeaders Headers, string Text)
{
    public JsonElement Json => JsonDocument.Parse(Text).RootElement;

    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}

/// <summary>Plain HttpClient helpers for the emulator tests.</summary>
public static class SandboxApi
{
    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));

    /// <summary>Gets a fresh Incydr token from <paramref name="host"/> over HTTP.</summary>
    public static async Task<string> NewTokenAsync(HttpClient client, CaseOps.Sandbox.SandboxHost host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/oauth");
        request.Headers.Authorization = Basic(host.Options.ClientId, host.Options.ClientSecret);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var json = await ReadJsonAsync(response);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    public static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync());

    public static async Task<ApiReply> SendAsync(HttpClient client, HttpMethod method, string path, string? token, object? body = null, string? rawBody = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (rawBody is not null)
        {
            request.Content = new StringContent(rawBody, Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        return new ApiReply(response.StatusCode, response.Headers, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Keys of a JSON object, in order.</summary>
    public static string[] Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    public static readonly string[] SlimCaseKeys =
    [
        "number", "name", "createdAt", "updatedAt", "subject", "subjectUsername", "status", "assignee", "assigneeUsername",
        "createdByUserUid", "createdByUsername", "lastModifiedByUserUid", "lastModifiedByUsername", "archivalTime",
    ];

    public static readonly string[] DetailCaseKeys = [.. SlimCaseKeys, "description", "findings"];

    /// <summary>Case numbers of a CasesPage body.</summary>
    public static long[] Numbers(JsonElement page) =>
        page.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("number").GetInt64()).ToArray();

    /// <summary>Asserts a 400 case problem body and returns it.</summary>
    public static void AssertProblem(ApiReply reply, string code, string? description = null)
    {
        Xunit.Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        var json = reply.Json;
        Xunit.Assert.Equal(code, json.GetProperty("problem").GetString());
        Xunit.Assert.True(json.TryGetProperty("description", out var actual), "description key missing");
        if (description is not null)
        {
            Xunit.Assert.Equal(description, actual.GetString());
        }
    }
}
