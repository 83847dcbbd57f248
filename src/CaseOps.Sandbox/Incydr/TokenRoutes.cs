using System.Text.Json.Serialization;
using CaseOps.Sandbox.Faults;
using CaseOps.Sandbox.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseOps.Sandbox.Incydr;

/// <summary>
/// <c>POST /v1/oauth</c> (docs/contracts/incydr.md, Authentication and token lifetime) and py42's
/// <c>POST /api/v3/oauth/token</c>: client credentials in, bearer token out. Both are exempt from
/// injected faults by default.
/// </summary>
public static class TokenRoutes
{
    private const string ClientCredentialsGrant = "client_credentials";

    /// <summary>Maps the token endpoints.</summary>
    public static void Map(IEndpointRouteBuilder routes, TokenIssuer issuer, string clientSecret)
    {
        RequestDelegate handler = context => IssueAsync(context, issuer, clientSecret);
        routes.MapPost("/v1/oauth", handler).WithMetadata(FaultExempt.Instance);
        routes.MapPost("/api/v3/oauth/token", handler).WithMetadata(FaultExempt.Instance);
    }

    private static async Task IssueAsync(HttpContext context, TokenIssuer issuer, string clientSecret)
    {
        var result = await DecideAsync(context, issuer, clientSecret).ConfigureAwait(false);
        await result.ExecuteAsync(context).ConfigureAwait(false);
    }

    private static async Task<IResult> DecideAsync(HttpContext context, TokenIssuer issuer, string clientSecret)
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
                return OAuthError(StatusCodes.Status400BadRequest, "invalid_request");
            }
        }

        // grant_type may come as query parameter or form field, or not at all (the official SDK sends none).
        var grantType = request.Query["grant_type"].FirstOrDefault(value => !string.IsNullOrEmpty(value))
            ?? form?["grant_type"].FirstOrDefault(value => !string.IsNullOrEmpty(value));
        if (grantType is not null && !string.Equals(grantType, ClientCredentialsGrant, StringComparison.Ordinal))
        {
            return OAuthError(StatusCodes.Status400BadRequest, "unsupported_grant_type");
        }

        if (!ClientCredentials.TryRead(request, form, out var credentials))
        {
            return OAuthError(StatusCodes.Status400BadRequest, "invalid_request");
        }

        if (credentials is null
            || !string.Equals(credentials.ClientId, issuer.ClientId, StringComparison.Ordinal)
            || !string.Equals(credentials.ClientSecret, clientSecret, StringComparison.Ordinal))
        {
            return ErrorResults.Unauthorized();
        }

        var token = issuer.Issue();
        return Results.Json(new TokenResponse(token.AccessToken, "bearer", token.ExpiresIn), SandboxJson.Options);
    }

    private static IResult OAuthError(int status, string error) =>
        Results.Json(new OAuthErrorBody(error), SandboxJson.Options, statusCode: status);

    /// <summary>The token answer (snake_case, unlike the rest of the API).</summary>
    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("token_type")] string TokenType,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
