using CaseOps.Sandbox.Http;

namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// The emulated Zammad instance served under <see cref="BasePath"/>: users, lookups, tickets with
/// their articles (with attachments), tags, links, time accountings and history, and the route files that serve them. All stores share
/// one lock (<see cref="Gate"/>, re-entrant) so multi-store changes such as a merge are atomic.
/// </summary>
public sealed class ZammadApi
{
    /// <summary>Path prefix of every Zammad route.</summary>
    public const string BasePath = "/zammad/api/v1";

    private readonly ZammadCredentials credentials;
    private volatile SearchStyle searchStyle = SearchStyle.Classic;

    /// <summary>Builds the instance and seeds <see cref="SandboxOptions.TicketCount"/> tickets.</summary>
    public ZammadApi(SandboxOptions options, DateTime seedAnchorUtc)
    {
        ArgumentNullException.ThrowIfNull(options);
        credentials = ZammadCredentials.From(options);
        CustomFieldNames = options.ZammadCustomFields.ToArray();
        Lookups = new ZammadLookups(seedAnchorUtc);
        Users = ZammadUserDirectory.Create(options.Seed, seedAnchorUtc);
        Clock = new ZammadClock(seedAnchorUtc);
        Articles = new ArticleStore(Gate);
        Tags = new TagStore(Gate);
        History = new HistoryStore(Gate);
        Links = new LinkStore(Gate);
        TimeAccountings = new TimeAccountingStore(Gate, seedAnchorUtc);
        Tickets = new TicketStore(Gate, Clock, Articles, Tags, History);
        ZammadSeeder.Seed(this, options.TicketCount, options.Seed, seedAnchorUtc);
    }

    /// <summary>Users (system, admin, agents, customers).</summary>
    public ZammadUserDirectory Users { get; }

    /// <summary>Groups, states, priorities and other lookup tables.</summary>
    public ZammadLookups Lookups { get; }

    /// <summary>Groups, id ascending.</summary>
    public IReadOnlyList<ZammadGroup> Groups => Lookups.Groups;

    /// <summary>States, id ascending.</summary>
    public IReadOnlyList<ZammadState> States => Lookups.States;

    /// <summary>Priorities, id ascending.</summary>
    public IReadOnlyList<ZammadPriority> Priorities => Lookups.Priorities;

    /// <summary>Tickets.</summary>
    public TicketStore Tickets { get; }

    /// <summary>Articles.</summary>
    public ArticleStore Articles { get; }

    /// <summary>Tags per ticket and the tag list.</summary>
    public TagStore Tags { get; }

    /// <summary>Ticket links.</summary>
    public LinkStore Links { get; }

    /// <summary>Time accounting entries and activity types.</summary>
    public TimeAccountingStore TimeAccountings { get; }

    /// <summary>History rows.</summary>
    public HistoryStore History { get; }

    /// <summary>The clock of every mutation (strictly increasing).</summary>
    public ZammadClock Clock { get; }

    /// <summary>Custom ticket attributes known to the object manager.</summary>
    public IReadOnlyList<string> CustomFieldNames { get; }

    /// <summary>Shape of non-expanded search answers; changeable at run time (default <see cref="SearchStyle.Classic"/>).</summary>
    public SearchStyle SearchStyle
    {
        get => searchStyle;
        set => searchStyle = value;
    }

    /// <summary>The shared lock of all stores.</summary>
    internal object Gate { get; } = new();

    /// <summary>Ticket renderer.</summary>
    internal TicketJson Json => new(this);

    /// <summary>Article renderer.</summary>
    internal ArticleJson ArticleJson => new(this);

    /// <summary>
    /// Maps every Zammad route behind the auth filter, and a fallback that answers unknown paths under
    /// <c>/zammad/</c> with Zammad's <c>No route matches</c> 404 (no authentication needed, as in Rails
    /// where routing comes before the controller).
    /// </summary>
    public void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(BasePath);
        group.AddEndpointFilter(new ZammadAuthFilter(credentials, Users));
        new TicketRoutes(this).Map(group);
        new SearchRoutes(this).Map(group);
        new HistoryRoutes(this).Map(group);
        new MergeRoutes(this).Map(group);
        new TagRoutes(this).Map(group);
        new TagAdminRoutes(this).Map(group);
        new LinkRoutes(this).Map(group);
        new LinkEditRoutes(this).Map(group);
        new ArticleRoutes(this).Map(group);
        new AttachmentRoutes(this).Map(group);
        new TimeAccountingRoutes(this).Map(group);
        new PriorityAdminRoutes(this).Map(group);
        new StateAdminRoutes(this).Map(group);
        new LookupRoutes(this).Map(group);
        new UserRoutes(this).Map(group);

        routes.MapFallback("/zammad/{**rest}", context =>
        {
            var message = $"No route matches [{context.Request.Method}] {context.Request.Path}";
            return ErrorResults.Zammad(context, StatusCodes.Status404NotFound, message).ExecuteAsync(context);
        });
    }
}
