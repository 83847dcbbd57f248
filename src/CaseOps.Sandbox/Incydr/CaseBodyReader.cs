using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CaseOps.Sandbox.Incydr;

/// <summary>
/// Reads CreateCase / UpdateCase bodies. Hand-parsed with <see cref="JsonDocument"/> so that a
/// missing key and an explicit null both mean "no value" (docs/contracts/incydr.md, Conventions)
/// and wrong JSON types are reported as 400 instead of being coerced: ids must be strings.
/// </summary>
public static class CaseBodyReader
{
    /// <summary>Reads the body; a malformed one throws a 400 <see cref="IncydrFailure.InvalidRequest"/>.</summary>
    public static async Task<CaseEdit> ReadAsync(HttpRequest request, bool statusRequired, CancellationToken ct)
    {
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
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw IncydrFailure.InvalidRequest("request body must be a JSON object");
            }

            string? problemField = null;
            string? Text(string name)
            {
                if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
                {
                    return null;
                }

                if (value.ValueKind != JsonValueKind.String)
                {
                    problemField ??= name;
                    return null;
                }

                return value.GetString();
            }

            var name = Text("name");
            var description = Text("description");
            var findings = Text("findings");
            var subject = Text("subject");
            var assignee = Text("assignee");
            var statusText = Text("status");
            if (problemField is not null)
            {
                throw IncydrFailure.InvalidRequest($"{problemField} must be a string or null");
            }

            var status = CaseStatus.OPEN;
            if (statusRequired)
            {
                if (statusText is null || !Enum.TryParse(statusText, ignoreCase: false, out status) || !Enum.IsDefined(status)
                    || !string.Equals(status.ToString(), statusText, StringComparison.Ordinal))
                {
                    throw IncydrFailure.InvalidRequest("status must be one of OPEN, CLOSED, ARCHIVED");
                }
            }

            return new CaseEdit(name, description, findings, subject, assignee, status);
        }
    }
}
