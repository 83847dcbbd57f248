using System.Net.Http.Headers;
using CaseOps.Sandbox.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CaseOps.Sandbox.Incydr;

/// <summary>Rejects requests without a known, unexpired <c>Authorization: Bearer</c> token with 401.</summary>
public sealed class BearerAuthFilter(TokenIssuer issuer) : IEndpointFilter
{
    /// <inheritdoc />
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (AuthenticationHeaderValue.TryParse(http.Request.Headers.Authorization.ToString(), out var header)
            && string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
            && header.Parameter is { } token
            && issuer.IsValid(token))
        {
            return next(context);
        }

        http.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        return ValueTask.FromResult<object?>(ErrorResults.Unauthorized());
    }
}
