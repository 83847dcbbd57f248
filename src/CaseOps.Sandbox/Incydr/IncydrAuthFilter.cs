using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace CaseOps.Sandbox.Incydr;

/// <summary>
/// The one gate of every Incydr route, as <c>ZammadAuthFilter</c> is of the Zammad side: requires a
/// known, unexpired <c>Authorization: Bearer</c> token (docs/contracts/incydr.md, Using and renewing
/// the token) except on endpoints marked <c>AllowAnonymous</c> (the token and py42 discovery routes),
/// and turns every <see cref="IncydrFailure"/> a handler throws into its answer.
/// </summary>
public sealed class IncydrAuthFilter(TokenIssuer issuer) : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            if (http.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null && !HasValidToken(http.Request))
            {
                throw IncydrFailure.NoBearer();
            }

            return await next(context).ConfigureAwait(false);
        }
        catch (IncydrFailure failure)
        {
            return failure.ToResult(http);
        }
    }

    private bool HasValidToken(HttpRequest request) =>
        AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header)
        && string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
        && header.Parameter is { } token
        && issuer.IsValid(token);
}
