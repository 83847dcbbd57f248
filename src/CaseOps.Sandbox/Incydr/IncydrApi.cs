using CaseOps.Sandbox.Incydr.FileEvents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseOps.Sandbox.Incydr;

/// <summary>
/// The emulated Incydr tenant: its users, tokens, cases and file events, and the route files that
/// serve them (tokens, py42 discovery, cases, file events, downloads, users).
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

    /// <summary>The accepted client secret (the client id is <see cref="TokenIssuer.ClientId"/>).</summary>
    internal string ClientSecret => clientSecret;

    /// <summary>
    /// Maps every Incydr route file onto one group behind <see cref="IncydrAuthFilter"/>: the bearer
    /// check (skipped by the token and discovery routes, which are <c>AllowAnonymous</c>) and the one
    /// place an <see cref="IncydrFailure"/> becomes an answer.
    /// </summary>
    public void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(string.Empty);
        group.AddEndpointFilter(new IncydrAuthFilter(Tokens));
        new TokenRoutes(this).Map(group);
        new Py42Routes().Map(group);
        new CaseRoutes(this).Map(group);
        new FileEventRoutes(this).Map(group);
        new DownloadRoutes(this).Map(group);
        new IncydrUserRoutes(this).Map(group);
    }

    /// <inheritdoc />
    public void Dispose() => Cases.Dispose();
}
