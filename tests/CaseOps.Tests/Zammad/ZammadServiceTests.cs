using CaseOps.Connections;
using CaseOps.Http;
using CaseOps.Paging;
using CaseOps.Tests.Infrastructure;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;
using Xunit;

namespace CaseOps.Tests.Zammad;

/// <summary>The Zammad services used from C# alone, without PowerShell, against the emulator.</summary>
public sealed class ZammadServiceTests : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly SandboxFixture _sandbox;
    private readonly ZammadConnection _connection;

    public ZammadServiceTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
        _connection = new ZammadConnection(new ApiClientOptions(sandbox.Host.ZammadBaseUri),
            ZammadCredential.FromToken(PowerShellSession.Secure(sandbox.Host.Options.ZammadToken)), null);
    }

    public void Dispose() => _connection.Dispose();

    private static async Task<List<T>> AllAsync<T>(PageStream<T> stream)
    {
        var items = new List<T>();
        await foreach (var item in stream)
            items.Add(item);
        return items;
    }

    [Fact]
    public async Task Listing_and_search_stream_typed_tickets()
    {
        var service = new TicketService(_connection);

        var all = await AllAsync(service.List(expand: false, new PageStreamOptions { PageSize = 50 }));
        var usb = await AllAsync(service.Search(new TicketSearch("title:usb") { SortBy = "id", Descending = false }, new PageStreamOptions { PageSize = 3 }));

        Assert.Equal(_sandbox.Host.Zammad.Tickets.Count, all.Count);
        Assert.NotEmpty(usb);
        Assert.All(usb, t => Assert.Contains("usb", t.Title, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(usb.Select(t => t.Id).OrderBy(i => i), usb.Select(t => t.Id));
    }

    [Fact]
    public async Task Page_sizes_above_the_server_maximum_are_refused()
    {
        var service = new TicketService(_connection);

        Assert.Throws<ArgumentOutOfRangeException>(() => service.List(false, new PageStreamOptions { PageSize = TicketService.MaxListPageSize + 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => service.Search(new TicketSearch("x"), new PageStreamOptions { PageSize = TicketService.MaxSearchPageSize + 1 }));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Create_update_find_by_number_and_merge()
    {
        var service = new TicketService(_connection);
        var target = await service.CreateAsync(new TicketChanges
        {
            Title = "Service target",
            Group = TicketReference.Parse("Users"),
            Customer = "bob@example.com",
            Article = new ArticleDraft { Body = "hello" },
        }, CancellationToken.None);
        var source = await service.CreateAsync(new TicketChanges { Title = "Service source", Group = TicketReference.ById(1), Customer = "bob@example.com" }, CancellationToken.None);

        var changes = new TicketChanges { State = TicketReference.Parse("open") };
        changes.Fields["incident_ref"] = "IR-SVC";
        var updated = await service.UpdateAsync(source.Id, changes, CancellationToken.None);
        var found = await service.FindByNumberAsync(target.Number, CancellationToken.None);
        var merged = await service.MergeAsync(source.Id, target.Number, CancellationToken.None);
        var failed = await service.MergeAsync(source.Id, "99999999", CancellationToken.None);

        Assert.Equal("open", updated.State);
        Assert.Equal("IR-SVC", (string?)updated.CustomFields["incident_ref"]);
        Assert.Equal(target.Id, found!.Id);
        Assert.True(merged.Succeeded);
        Assert.False(failed.Succeeded);
        Assert.Contains("could not be found", failed.Message);
    }

    [Fact]
    public async Task Unknown_names_throw_before_anything_is_sent()
    {
        var service = new TicketService(_connection);
        _sandbox.Host.Requests.Clear();

        var error = await Assert.ThrowsAsync<ZammadLookupException>(() => service.CreateAsync(
            new TicketChanges { Title = "x", Group = TicketReference.Parse("Atlantis"), Customer = "bob@example.com" }, CancellationToken.None));

        Assert.Equal(CatalogKind.Group, error.Kind);
        Assert.Contains("Insider Risk", error.Choices);
        Assert.Equal(0, _sandbox.Host.Requests.Count(e => e.Method == "POST"));
    }

    [Fact]
    public async Task Tag_service_adds_removes_and_administers()
    {
        var tags = new TagService(_connection);

        await tags.AddTicketTagAsync(2, "svc-tag", CancellationToken.None);
        await tags.AddTicketTagAsync(2, "SVC-TAG", CancellationToken.None);
        var afterAdd = await tags.GetTicketTagsAsync(2, CancellationToken.None);
        await tags.RemoveTicketTagAsync(2, "svc-tag", CancellationToken.None);
        await tags.RemoveTicketTagAsync(2, "svc-tag", CancellationToken.None);
        var afterRemove = await tags.GetTicketTagsAsync(2, CancellationToken.None);
        await tags.CreateAsync("svc-admin", CancellationToken.None);
        var created = await tags.FindAsync("svc-admin", CancellationToken.None);
        await tags.RenameAsync(created!.Id, "svc-renamed", CancellationToken.None);
        var renamed = await tags.FindAsync("svc-renamed", CancellationToken.None);
        await tags.RemoveAsync(renamed!.Id, CancellationToken.None);

        Assert.Single(afterAdd, t => t.Equals("svc-tag", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(afterRemove, t => t.Equals("svc-tag", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(created.Id, renamed.Id);
        Assert.Null(await tags.FindAsync("svc-renamed", CancellationToken.None));
    }

    [Fact]
    public async Task A_missing_ticket_is_a_404_api_exception()
    {
        var error = await Assert.ThrowsAsync<CaseOpsApiException>(() => new TicketService(_connection).GetAsync(424242, false, CancellationToken.None));

        Assert.Equal(404, error.StatusCode);
        Assert.Contains("Couldn't find Ticket", error.ServerMessage);
    }
}
