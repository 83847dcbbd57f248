using System.Text.Json.Serialization;
using CaseOps.Sandbox.Faults;
using CaseOps.Sandbox.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseOps.Sandbox.Incydr;

/// <summary>
/// <c>POST /v1/oauth</c> (docs/contracts/incydr.md, Authentication and token lifetime) and py42's
/// <c>POST /api/v3/oauth/token</c>: client credentials in, bearer token out. Both need no token and
/// are exempt from injected faults by default.
/// </summary>
internal sealed class TokenRoutes(IncydrApi api)
{
    private const string ClientCredentialsGrant = "client_credentials";

    /// <summary>Maps the token endpoints onto the Incydr group, open to all.</summary>
    public void Map(IEndpointRouteBuilder routes)
    {
        foreach (var path in new[] { "/v1/oauth", "/api/v3/oauth/token" })
        {
            // cast: else it binds as a RequestDelegate and drops the result
            routes.MapPost(path, (Delegate)IssueAsync).AllowAnonymous().WithMetadata(FaultExempt.Instance);
        }
    }

    private async Task<IResult> IssueAsync(HttpContext context)
    {
        var request = context.Request;
        IFormCollection? form = null;
        if (request.HasFormContentType)
        {
            try
            {
                form = await request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            }
            catch (InvalidDataException)
            {
                throw IncydrFailure.OAuth("invalid_request");
            }
        }

        // grant_type may come as query parameter or form field, or not at all (the official SDK sends none).
        var grantType = request.Query["grant_type"].FirstOrDefault(value => !string.IsNullOrEmpty(value))
            ?? form?["grant_type"].FirstOrDefault(value => !string.IsNullOrEmpty(value));
        if (grantType is not null && !string.Equals(grantType, ClientCredentialsGrant, StringComparison.Ordinal))
        {
            throw IncydrFailure.OAuth("unsupported_grant_type");
        }

        if (!ClientCredentials.TryRead(request, form, out var credentials))
        {
            throw IncydrFailure.OAuth("invalid_request");
        }

        if (credentials is null
            || !string.Equals(credentials.ClientId, api.Tokens.ClientId, StringComparison.Ordinal)
            || !string.Equals(credentials.ClientSecret, api.ClientSecret, StringComparison.Ordinal))
        {
            throw IncydrFailure.BadClient();
        }

        var token = api.Tokens.Issue();
        return Results.Json(new TokenResponse(token.AccessToken, "bearer", token.ExpiresIn), SandboxJson.Options);
    }

    /// <summary>The token answer (snake_case, unlike the rest of the API).</summary>
    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("token_type")] string TokenType,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
