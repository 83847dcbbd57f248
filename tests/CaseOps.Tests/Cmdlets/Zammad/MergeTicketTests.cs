using System.Management.Automation;
using CaseOps.Tests.Infrastructure;
using CaseOps.Zammad.Models;
using Xunit;

namespace CaseOps.Tests.Cmdlets.Zammad;

/// <summary>Merge-Ticket: the server's effects, the target once, and every refusal leaving both tickets alone.</summary>
public sealed class MergeTicketTests : ZammadCmdletTestBase
{
    public MergeTicketTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private long NewTicket(string title) =>
        Session.Run("param($t) New-Ticket -Title $t -Group Users -Customer bob@example.com -Body 'evidence'", new() { ["t"] = title })
            .AssertSuccess().Objects<Ticket>().Single().Id;

    private int MergeCalls => Sent("PUT", "ticket_merge");

    [Fact]
    public void Merging_moves_articles_closes_the_sources_and_returns_the_target_once()
    {
        var target = NewTicket("Merge target");
        var first = NewTicket("Merge source 1");
        var second = NewTicket("Merge source 2");
        var targetArticles = Sandbox.Host.Zammad.Articles.ArticlesOf((int)target).Count;

        var result = Session.Run("param($a, $b, $into) $a, $b | Merge-Ticket -Into $into -Force",
            new() { ["a"] = first, ["b"] = second, ["into"] = target }).AssertSuccess();

        var returned = result.Objects<Ticket>().Single();
        Assert.Equal(target, returned.Id);
        Assert.Equal(targetArticles + 2, Sandbox.Host.Zammad.Articles.ArticlesOf((int)target).Count);
        foreach (var source in new[] { first, second })
        {
            var wire = ReadTicket(source)!.Value;
            Assert.Equal("merged", wire.GetProperty("state").GetString());
            Assert.Equal(1, wire.GetProperty("owner_id").GetInt64());
            var links = Read($"links?link_object=Ticket&link_object_value={source}").GetProperty("links").EnumerateArray().ToList();
            Assert.Contains(links, l => l.GetProperty("link_type").GetString() == "parent" && l.GetProperty("link_object_value").GetInt64() == target);
        }
        Assert.Equal(2, MergeCalls);
        Assert.Equal(returned.ArticleCount, Sandbox.Host.Zammad.Articles.ArticlesOf((int)target).Count);
    }

    [Fact]
    public void Into_accepts_a_ticket_number()
    {
        var target = Session.Run("param($t) New-Ticket -Title $t -Group Users -Customer bob@example.com", new() { ["t"] = "Target by number" })
            .AssertSuccess().Objects<Ticket>().Single();
        var source = NewTicket("Source for number");

        var returned = Session.Run("param($s, $n) Merge-Ticket -Id $s -Into $n -Confirm:$false", new() { ["s"] = source, ["n"] = "#" + target.Number })
            .AssertSuccess().Objects<Ticket>().Single();

        Assert.Equal(target.Id, returned.Id);
        Assert.Equal("merged", ReadTicket(source)!.Value.GetProperty("state").GetString());
        Assert.Equal(0, Sent("GET", "tickets/" + target.Number)); // "#" means a number: never tried as an id
    }

    [Fact]
    public void Merging_a_ticket_into_itself_is_refused_without_a_request()
    {
        var target = NewTicket("Self");
        var before = ReadTicket(target)!.Value.GetProperty("updated_at").GetString();

        var result = Session.Run("param($t) Merge-Ticket -Id $t -Into $t -Force", new() { ["t"] = target });

        var error = Assert.Single(result.Errors);
        Assert.Equal("MergeIntoSelf,CaseOps.Cmdlets.Tickets.MergeTicketCommand", error.FullyQualifiedErrorId);
        Assert.Empty(result.Output);
        Assert.Equal(0, MergeCalls);
        Assert.Equal(before, ReadTicket(target)!.Value.GetProperty("updated_at").GetString());
    }

    [Fact]
    public void Merging_into_a_missing_ticket_stops_before_anything_changes()
    {
        var source = NewTicket("Orphan");

        var result = Session.Run("param($s) Merge-Ticket -Id $s -Into 99999999 -Force", new() { ["s"] = source });

        Assert.Equal("TicketNotFound,CaseOps.Cmdlets.Tickets.MergeTicketCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.Contains("99999999", result.FirstError.Exception.Message);
        Assert.Equal(0, MergeCalls);
        Assert.NotEqual("merged", ReadTicket(source)!.Value.GetProperty("state").GetString());
    }

    [Fact]
    public void An_already_merged_source_is_a_clear_error_and_the_rest_still_merge()
    {
        var target = NewTicket("Second target");
        var merged = NewTicket("Merged once");
        var fresh = NewTicket("Merged now");
        Session.Run("param($s, $t) Merge-Ticket -Id $s -Into $t -Force", new() { ["s"] = merged, ["t"] = target }).AssertSuccess();
        Sandbox.Host.Requests.Clear();

        var result = Session.Run("param($a, $b, $t) $a, $b | Merge-Ticket -Into $t -Force", new() { ["a"] = merged, ["b"] = fresh, ["t"] = target });

        var error = Assert.Single(result.Errors);
        Assert.Equal("TicketAlreadyMerged,CaseOps.Cmdlets.Tickets.MergeTicketCommand", error.FullyQualifiedErrorId);
        Assert.Equal(merged, error.TargetObject);
        Assert.Equal(1, MergeCalls);
        Assert.Equal("merged", ReadTicket(fresh)!.Value.GetProperty("state").GetString());
        Assert.Equal(target, result.Objects<Ticket>().Single().Id);
    }

    [Fact]
    public void Merging_into_a_merged_ticket_is_refused()
    {
        var final = NewTicket("Final");
        var middle = NewTicket("Middle");
        var source = NewTicket("Late source");
        Session.Run("param($s, $t) Merge-Ticket -Id $s -Into $t -Force", new() { ["s"] = middle, ["t"] = final }).AssertSuccess();
        Sandbox.Host.Requests.Clear();

        var result = Session.Run("param($s, $t) Merge-Ticket -Id $s -Into $t -Force", new() { ["s"] = source, ["t"] = middle });

        Assert.Equal("TargetAlreadyMerged,CaseOps.Cmdlets.Tickets.MergeTicketCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.Equal(0, MergeCalls);
    }

    [Fact]
    public void WhatIf_merges_nothing_and_the_unknown_source_is_reported()
    {
        var target = NewTicket("WhatIf target");
        var source = NewTicket("WhatIf source");

        var result = Session.Run("param($s, $t) $s, 5555555 | Merge-Ticket -Into $t -WhatIf", new() { ["s"] = source, ["t"] = target });

        Assert.Equal(0, MergeCalls);
        Assert.Empty(result.Output);
        Assert.Equal("TicketNotFound,CaseOps.Cmdlets.Tickets.MergeTicketCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
        Assert.NotEqual("merged", ReadTicket(source)!.Value.GetProperty("state").GetString());
    }

    [Fact]
    public void Merge_asks_for_confirmation_by_default()
    {
        var attribute = typeof(CaseOps.Cmdlets.Tickets.MergeTicketCommand).GetCustomAttributes(typeof(CmdletAttribute), false).Cast<CmdletAttribute>().Single();

        Assert.Equal(ConfirmImpact.High, attribute.ConfirmImpact);
        Assert.True(attribute.SupportsShouldProcess);
    }
}
