using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CaseOps.Sandbox.Incydr.FileEvents;

/// <summary>Reads the AddEvents body <c>{"events": [ids]}</c> of the bulk add (docs/contracts/incydr.md, Request bodies).</summary>
public static class AddEventsReader
{
    /// <summary>Largest body accepted (100 ids of ~90 characters fit many times over).</summary>
    private const int MaxBodyBytes = 1024 * 1024;

    /// <summary>The ids; a malformed body throws a 400 <see cref="IncydrFailure.InvalidRequest"/>.</summary>
    public static async Task<IReadOnlyList<string>> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            throw IncydrFailure.InvalidRequest("request body is too large");
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, ct).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            throw IncydrFailure.InvalidRequest("request body is not valid JSON");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("events", out var events)
                || events.ValueKind != JsonValueKind.Array)
            {
                throw IncydrFailure.InvalidRequest("events must be an array of file event ids");
            }

            var ids = new List<string>(events.GetArrayLength());
            foreach (var item in events.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
                {
                    throw IncydrFailure.InvalidRequest("every entry of events must be a non-empty string");
                }

                ids.Add(item.GetString()!);
            }

            return ids.Count > 0 ? ids : throw IncydrFailure.InvalidRequest("events must not be empty");
        }
    }
}
