using CaseOps.Sandbox.Incydr.FileEvents;
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

        // The tenant's event pool, and events on the first half of the seeded cases (so some
        // cases have events and some none).
        FileEvents = new FileEventStore(
            FileEventSeeder.Generate(options.FileEventCount, options.Seed, seedAnchorUtc, Users.People),
            options.SourceFileSize);
        FileEventSeeder.AttachToCases(FileEvents, Cases.Snapshot().Take(options.CaseCount / 2).Select(record => record.Number), options.Seed);
    }

    /// <summary>Known users.</summary>
    public UserDirectory Users { get; }

    /// <summary>Token table.</summary>
    public TokenIssuer Tokens { get; }

    /// <summary>Case table.</summary>
    public CaseStore Cases { get; }

    /// <summary>The tenant's file events and the events on each case.</summary>
    public FileEventStore FileEvents { get; }

    /// <summary>Maps every Incydr route: open ones (token, py42 discovery) and bearer-protected ones.</summary>
    public void Map(IEndpointRouteBuilder routes)
    {
        TokenRoutes.Map(routes, Tokens, clientSecret);
        Py42Routes.Map(routes);

        var secured = routes.MapGroup(string.Empty);
        secured.AddEndpointFilter(new BearerAuthFilter(Tokens));
        new CaseRoutes(Cases, Users.ApiUser).Map(secured);
        new FileEventRoutes(Cases, FileEvents).Map(secured);
        new DownloadRoutes(Cases, FileEvents).Map(secured);
    }

    /// <inheritdoc />
    public void Dispose() => Cases.Dispose();
}
