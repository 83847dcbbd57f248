using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseOps.Sandbox.Incydr;

/// <summary>
/// The emulated Incydr tenant: its users, cases and tokens, and the route files that serve them.
/// Later Incydr areas (file events, downloads) add their stores here and map their own route files.
/// </summary>
public sealed class IncydrApi : IDisposable
{
    private readonly string clientSecret;

    /// <summary>Builds the tenant and seeds <see cref="SandboxOptions.CaseCount"/> cases.</summary>
    public IncydrApi(SandboxOptions options, DateTime seedAnchorUtc)
    {
        clientSecret = options.ClientSecret;
        Users = UserDirectory.Create(options.Seed, options.ClientId);
        Tokens = new TokenIssuer(options.ClientId, options.TenantUid, options.TokenLifetime);
        Cases = new CaseStore(Users);
        Cases.Seed(options.CaseCount, options.Seed, seedAnchorUtc);
    }

    /// <summary>Known users.</summary>
    public UserDirectory Users { get; }

    /// <summary>Token table.</summary>
    public TokenIssuer Tokens { get; }

    /// <summary>Case table.</summary>
    public CaseStore Cases { get; }

    /// <summary>Maps every Incydr route: open ones (token, py42 discovery) and bearer-protected ones.</summary>
    public void Map(IEndpointRouteBuilder routes)
    {
        TokenRoutes.Map(routes, Tokens, clientSecret);
        Py42Routes.Map(routes);

        var secured = routes.MapGroup(string.Empty);
        secured.AddEndpointFilter(new BearerAuthFilter(Tokens));
        new CaseRoutes(Cases, Users.ApiUser).Map(secured);
    }

    /// <inheritdoc />
    public void Dispose() => Cases.Dispose();
}
