using System.Text;
using CaseOps.Sandbox.Http;

namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// Authentication and impersonation (docs/contracts/zammad.md, Authentication and Acting on behalf of another user) for every Zammad route, then parameter merging;
/// also turns <see cref="ZammadFailure"/> thrown by handlers into Zammad error bodies.
/// <list type="bullet">
/// <item><c>Token token=&lt;t&gt;</c>, <c>Bearer &lt;t&gt;</c> (an API token) and <c>Basic</c> (admin login or email + password).</item>
/// <item>No (or an unknown scheme of) credentials → 403 <c>Authentication required</c>; wrong ones → 401 with the scheme's text.</item>
/// <item><c>X-On-Behalf-Of</c> (else <c>From</c>) with an id, login or email: admins only; the request then acts as that user.</item>
/// </list>
/// </summary>
public sealed class ZammadAuthFilter(ZammadCredentials credentials, ZammadUserDirectory users) : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            var real = Authenticate(http.Request.Headers.Authorization.ToString());
            var acting = Impersonate(http.Request, real);
            var parameters = await ZammadParams.ReadAsync(http.Request, http.RequestAborted).ConfigureAwait(false);
            ZammadCall.Set(http, new ZammadCall(acting, real, parameters));
            return await next(context).ConfigureAwait(false);
        }
        catch (ZammadFailure failure)
        {
            return ErrorResults.Zammad(http, failure.Status, failure.Message);
        }
    }

    private ZammadUser Authenticate(string header)
    {
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space > 0 ? header[..space] : header;
        var parameter = space > 0 ? header[(space + 1)..].Trim() : string.Empty;
        if (scheme.Equals("Token", StringComparison.OrdinalIgnoreCase))
        {
            // Rails' token parser takes token=abc or token="abc".
            var value = parameter.StartsWith("token=", StringComparison.OrdinalIgnoreCase) ? parameter["token=".Length..].Trim('"') : parameter;
            return UserOfToken(value) ?? throw Unauthorized("Can't find User for Token");
        }

        if (scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return UserOfToken(parameter) ?? throw Unauthorized("The provided token is invalid.");
        }

        if (scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return UserOfBasic(parameter) ?? throw Unauthorized("Invalid BasicAuth credentials");
        }

        throw new ZammadFailure(StatusCodes.Status403Forbidden, "Authentication required");
    }

    private ZammadUser? UserOfToken(string token) =>
        token.Length > 0 && credentials.Tokens.TryGetValue(token, out var id) ? users.Find(id) : null;

    private ZammadUser? UserOfBasic(string parameter)
    {
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
        }
        catch (FormatException)
        {
            return null;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !string.Equals(decoded[(colon + 1)..], credentials.Password, StringComparison.Ordinal))
        {
            return null;
        }

        var login = decoded[..colon];
        var admin = users.FindByLoginOrEmail(credentials.Login);
        return admin is not null
            && (login.Equals(admin.Login, StringComparison.OrdinalIgnoreCase) || login.Equals(admin.Email, StringComparison.OrdinalIgnoreCase))
            ? admin
            : null;
    }

    private ZammadUser Impersonate(HttpRequest request, ZammadUser real)
    {
        var value = request.Headers["X-On-Behalf-Of"].ToString();
        if (string.IsNullOrWhiteSpace(value))
        {
            value = request.Headers.From.ToString();
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            return real;
        }

        // Permission first, like the server: a caller without the right learns nothing about users.
        if (!real.IsAdmin)
        {
            throw new ZammadFailure(StatusCodes.Status403Forbidden, "Current user has no permission to use 'From'/'X-On-Behalf-Of'!");
        }

        return users.Resolve(value) ?? throw new ZammadFailure(StatusCodes.Status403Forbidden, $"No such user '{value}'");
    }

    private static ZammadFailure Unauthorized(string message) => new(StatusCodes.Status401Unauthorized, message);
}
