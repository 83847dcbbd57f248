using System.Management.Automation;
using CaseOps.Tests.Infrastructure;
using CaseOps.Zammad.Models;
using Xunit;

namespace CaseOps.Tests.Cmdlets.Zammad;

/// <summary>Ticket links, history and time accounting.</summary>
public sealed class LinkHistoryTimeTests : ZammadCmdletTestBase
{
    public LinkHistoryTimeTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private long NewTicket(string title) =>
        Session.Run("param($t) New-Ticket -Title $t -Group Users -Customer bob@example.com -Body 'first'", new() { ["t"] = title })
            .AssertSuccess().Objects<Ticket>().Single().Id;

    private List<TicketLink> LinksOf(long id) =>
        Session.Run("param($id) Get-TicketLink $id", new() { ["id"] = id }).AssertSuccess().Objects<TicketLink>().ToList();

    [Fact]
    public void A_parent_link_shows_from_both_sides_and_pipes_into_Get_Ticket()
    {
        var parent = NewTicket("Incident");
        var child = NewTicket("Follow-up");

        Session.Run("param($c, $p) Add-TicketLink -TicketId $c -LinkedTicketId $p -Type parent; Add-TicketLink -TicketId $c -LinkedTicketId $p -Type parent",
            new() { ["c"] = child, ["p"] = parent }).AssertSuccess();

        var fromChild = Assert.Single(LinksOf(child));
        Assert.Equal(("parent", parent), (fromChild.LinkType, fromChild.Id));
        var fromParent = Assert.Single(LinksOf(parent));
        Assert.Equal(("child", child), (fromParent.LinkType, fromParent.Id));
        Assert.Equal("Follow-up", fromParent.Title);
        var viaPipe = Session.Run("param($p) Get-TicketLink $p | Get-Ticket", new() { ["p"] = parent }).AssertSuccess().Objects<Ticket>().Single();
        Assert.Equal(child, viaPipe.Id);
    }

    [Fact]
    public void Links_are_grouped_normal_parent_child_and_filtered_by_type()
    {
        var hub = NewTicket("Hub");
        var a = NewTicket("Related");
        var b = NewTicket("Parent");
        var c = NewTicket("Child");
        Session.Run("param($h, $a, $b, $c) Add-TicketLink $h $c -LinkType child; Add-TicketLink $h $a; Add-TicketLink $h $b -LinkType parent",
            new() { ["h"] = hub, ["a"] = a, ["b"] = b, ["c"] = c }).AssertSuccess();

        Assert.Equal(new[] { "normal", "parent", "child" }, LinksOf(hub).Select(l => l.LinkType));
        var parents = Session.Run("param($h) Get-TicketLink $h -LinkType parent", new() { ["h"] = hub }).AssertSuccess().Objects<TicketLink>();
        Assert.Equal(b, Assert.Single(parents).Id);
    }

    [Fact]
    public void Remove_without_a_type_removes_whichever_link_exists_and_again_is_no_error()
    {
        var x = NewTicket("Left");
        var y = NewTicket("Right");
        Session.Run("param($x, $y) Add-TicketLink $x $y -Type child", new() { ["x"] = x, ["y"] = y }).AssertSuccess();

        Session.Run("param($x, $y) Get-Ticket -Id $y | Remove-TicketLink -LinkedTicketId $x; Remove-TicketLink -TicketId $y -LinkedTicketId $x -Type normal", new() { ["x"] = x, ["y"] = y }).AssertSuccess();

        Assert.Empty(LinksOf(x));
        Assert.Empty(LinksOf(y));
    }

    [Fact]
    public void Piped_links_are_removed()
    {
        var hub = NewTicket("Unlink all");
        var a = NewTicket("A");
        var b = NewTicket("B");
        Session.Run("param($h, $a, $b) Add-TicketLink $h $a; Add-TicketLink $h $b -Type parent", new() { ["h"] = hub, ["a"] = a, ["b"] = b }).AssertSuccess();

        Session.Run("param($h) Get-TicketLink $h | Remove-TicketLink", new() { ["h"] = hub }).AssertSuccess();

        Assert.Empty(LinksOf(hub));
    }

    [Fact]
    public void Linking_to_an_unknown_ticket_or_itself_changes_nothing()
    {
        var id = NewTicket("Lonely link");

        var unknown = Session.Run("param($id) Add-TicketLink $id 999999", new() { ["id"] = id });
        var unknownSource = Session.Run("param($id) Add-TicketLink 999998 $id", new() { ["id"] = id });
        Assert.Equal("TicketNotFound,CaseOps.Cmdlets.Links.AddTicketLinkCommand", unknownSource.FirstError.FullyQualifiedErrorId);
        Assert.Equal(999998L, unknownSource.FirstError.TargetObject);
        var self = Session.Run("param($id) Add-TicketLink $id $id", new() { ["id"] = id });

        Assert.Equal("TicketNotFound,CaseOps.Cmdlets.Links.AddTicketLinkCommand", unknown.FirstError.FullyQualifiedErrorId);
        Assert.Contains("999999", unknown.FirstError.ErrorDetails.Message);
        Assert.Equal("LinkToSelf,CaseOps.Cmdlets.Links.AddTicketLinkCommand", self.FirstError.FullyQualifiedErrorId);
        Assert.Equal(0, Sent("POST", "links/add"));
        Assert.Empty(LinksOf(id));
    }

    [Fact]
    public void History_says_who_changed_what_from_what_to_what()
    {
        var id = NewTicket("History subject");
        Session.Run("param($id) Set-Ticket -Id $id -State open; Add-TicketTag $id -Name audited", new() { ["id"] = id }).AssertSuccess();

        var history = Session.Run("param($id) Get-Ticket -Id $id | Get-TicketHistory", new() { ["id"] = id }).AssertSuccess().Objects<TicketHistoryEntry>();

        Assert.Equal("created", history[0].Type);
        var state = history.Single(h => h.Attribute == "state");
        Assert.Equal(("new", "open"), (state.From, state.To));
        Assert.Equal("admin", state.CreatedBy);
        Assert.Contains(history, h => h.Type == "added" && h.Attribute == "tag" && h.To == "audited");
        Assert.All(history, h => Assert.Equal(id, h.TicketId));
        Assert.Equal(history.OrderBy(h => h.CreatedAt).Select(h => h.Id), history.Select(h => h.Id));
    }

    [Fact]
    public void Time_is_accounted_with_a_type_by_name_and_summed_on_the_ticket()
    {
        var id = NewTicket("Timed");

        var added = Session.Run("param($id) Add-TicketTimeAccounting -TicketId $id -TimeUnit 15 -Type Investigation; Add-TicketTimeAccounting $id 2.5 -Type 1",
            new() { ["id"] = id }).AssertSuccess().Objects<TicketTimeAccounting>();
        var listed = Session.Run("param($id) Get-TicketTimeAccounting $id", new() { ["id"] = id }).AssertSuccess().Objects<TicketTimeAccounting>();

        Assert.Equal(new[] { 15m, 2.5m }, added.Select(t => t.TimeUnit));
        Assert.Equal(new[] { "Investigation", "Research" }, listed.Select(t => t.Type));
        Assert.Equal(17.5m, decimal.Parse(ReadTicket(id)!.Value.GetProperty("time_unit").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void An_unknown_time_accounting_type_names_the_valid_ones_and_nothing_is_sent()
    {
        var result = Session.Run("Add-TicketTimeAccounting -TicketId 3 -TimeUnit 5 -Type Gardening");

        var error = result.FirstError;
        Assert.Equal("UnknownTimeAccountingType,CaseOps.Cmdlets.TimeAccounting.AddTicketTimeAccountingCommand", error.FullyQualifiedErrorId);
        Assert.Contains("'Gardening'", error.ErrorDetails.Message);
        Assert.Contains("'Investigation'", error.ErrorDetails.Message);
        Assert.DoesNotContain("'Legacy'", error.ErrorDetails.Message);
        Assert.Equal(0, Changes);
    }

    [Fact]
    public void Add_TicketLink_PassThru_returns_the_link_as_Get_TicketLink_shows_it()
    {
        var a = NewTicket("Pass link A");
        var b = NewTicket("Pass link B");

        var link = Session.Run("param($a, $b) Add-TicketLink $a $b -Type child -PassThru", new() { ["a"] = a, ["b"] = b }).AssertSuccess().Objects<TicketLink>().Single();

        Assert.Equal((a, "child", b), (link.FromTicketId, link.LinkType, link.Id));
    }

    [Fact]
    public void Time_can_be_accounted_on_an_article()
    {
        var id = NewTicket("Time on article");
        var articleId = Read($"ticket_articles/by_ticket/{id}")[0].GetProperty("id").GetInt64();

        var entry = Session.Run("param($id, $a) Add-TicketTimeAccounting $id 7 -ArticleId $a", new() { ["id"] = id, ["a"] = articleId }).AssertSuccess().Objects<TicketTimeAccounting>().Single();

        Assert.Equal(articleId, entry.ArticleId);
        Assert.Null(entry.Type);
    }
}
