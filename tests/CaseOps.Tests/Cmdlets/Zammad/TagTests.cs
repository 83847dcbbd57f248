using System.Management.Automation;
using CaseOps.Tests.Infrastructure;
using CaseOps.Zammad.Models;
using Xunit;

namespace CaseOps.Tests.Cmdlets.Zammad;

/// <summary>Tags on tickets and tag administration, with the server's idempotency.</summary>
public sealed class TagTests : ZammadCmdletTestBase
{
    public TagTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private long NewTicket(string title) =>
        Session.Run("param($t) New-Ticket -Title $t -Group Users -Customer bob@example.com", new() { ["t"] = title })
            .AssertSuccess().Objects<Ticket>().Single().Id;

    private Tag? ListedTag(string name) =>
        Session.Run("Get-Tag").AssertSuccess().Objects<Tag>().SingleOrDefault(t => t.Name == name);

    [Fact]
    public void Adding_tags_is_idempotent_as_the_server_is()
    {
        var id = NewTicket("Tag me");

        Session.Run("param($id) Add-TicketTag -TicketId $id -Name insider-risk, usb; Add-TicketTag -TicketId $id -Name USB, insider-risk", new() { ["id"] = id }).AssertSuccess();

        Assert.Equal(new[] { "insider-risk", "usb" }, TagsOf(id));
        Assert.Equal(4, Sent("POST", "tags/add"));
    }

    [Fact]
    public void Tickets_from_a_search_pipe_into_Add_TicketTag()
    {
        var expected = Session.Run("Get-Ticket -Query 'title:USB' | ForEach-Object Id").AssertSuccess().Output.Select(o => (long)o.BaseObject).ToList();

        Session.Run("Get-Ticket -Query 'title:USB' | Add-TicketTag -Name triage-batch").AssertSuccess();

        Assert.NotEmpty(expected);
        Assert.All(expected, id => Assert.Contains("triage-batch", TagsOf(id)));
        Assert.Equal(expected.Count, ListedTag("triage-batch")!.Count);
    }

    [Fact]
    public void Get_TicketTag_output_pipes_into_Remove_TicketTag_and_missing_tags_are_no_error()
    {
        var id = NewTicket("Untag me");
        Session.Run("param($id) Add-TicketTag $id -Name alpha, beta, gamma", new() { ["id"] = id }).AssertSuccess();

        var tags = Session.Run("param($id) Get-TicketTag -TicketId $id", new() { ["id"] = id }).AssertSuccess().Objects<TicketTag>();
        Assert.Equal(new[] { "alpha", "beta", "gamma" }, tags.Select(t => t.Name));
        Assert.All(tags, t => Assert.Equal(id, t.TicketId));

        Session.Run("param($id) Get-TicketTag $id | Where-Object Name -ne beta | Remove-TicketTag; Remove-TicketTag -TicketId $id -Name never-there", new() { ["id"] = id }).AssertSuccess();

        Assert.Equal(new[] { "beta" }, TagsOf(id));
    }

    [Fact]
    public void PassThru_returns_the_changed_ticket()
    {
        var id = NewTicket("Pass me through");

        var ticket = Session.Run("param($id) Add-TicketTag -TicketId $id -Name passed -PassThru", new() { ["id"] = id }).AssertSuccess().Objects<Ticket>().Single();

        Assert.Equal(id, ticket.Id);
        Assert.Equal("Users", ticket.Group);
    }

    [Theory]
    [InlineData("''")]
    [InlineData("'   '")]
    [InlineData("'a,b'")]
    public void Empty_or_comma_tag_names_are_validation_errors(string name)
    {
        var result = Session.Run($"Add-TicketTag -TicketId 1 -Name {name}");

        Assert.Equal("ParameterArgumentValidationError,CaseOps.Cmdlets.Tags.AddTicketTagCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.Equal(0, Changes);
    }

    [Fact]
    public void Tagging_a_missing_ticket_is_TicketNotFound_and_the_rest_still_run()
    {
        var id = NewTicket("Still tagged");

        var result = Session.Run("param($id) 987654, $id | Add-TicketTag -Name survivor", new() { ["id"] = id });

        var error = Assert.Single(result.Errors);
        Assert.Equal("TicketNotFound,CaseOps.Cmdlets.Tags.AddTicketTagCommand", error.FullyQualifiedErrorId);
        Assert.Equal(987654L, error.TargetObject);
        Assert.Contains("survivor", TagsOf(id));
    }

    [Fact]
    public void Get_Tag_lists_counts_filters_by_wildcard_and_searches()
    {
        var id = NewTicket("Counted");
        Session.Run("param($id) Add-TicketTag $id -Name count-me", new() { ["id"] = id }).AssertSuccess();

        var all = Session.Run("Get-Tag").AssertSuccess().Objects<Tag>();
        var filtered = Session.Run("Get-Tag -Name count-*").AssertSuccess().Objects<Tag>();
        var searched = Session.Run("Get-Tag -Search OUNT-M").AssertSuccess().Objects<Tag>();

        Assert.Equal(1, all.Single(t => t.Name == "count-me").Count);
        Assert.Equal(all.Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal), all.Select(t => t.Name));
        Assert.Equal(new[] { "count-me" }, filtered.Select(t => t.Name));
        Assert.Contains(searched, t => t.Name == "count-me");
        Assert.Null(searched.First().Count);
    }

    [Fact]
    public void New_Tag_creates_and_an_existing_name_only_warns()
    {
        var first = Session.Run("New-Tag -Name brand-new-tag").AssertSuccess();
        var second = Session.Run("New-Tag -Name brand-new-tag").AssertSuccess();

        Assert.Equal("brand-new-tag", first.Objects<Tag>().Single().Name);
        Assert.Empty(first.Warnings);
        Assert.Contains(second.Warnings, w => w.Contains("already exists"));
        Assert.Equal(first.Objects<Tag>().Single().Id, second.Objects<Tag>().Single().Id);
        Assert.Equal(1, Sent("POST", "tag_list"));
    }

    [Fact]
    public void Rename_Tag_renames_everywhere_and_says_when_tags_merge()
    {
        var a = NewTicket("Old name holder");
        var b = NewTicket("Both names holder");
        Session.Run("param($a, $b) Add-TicketTag $a -Name old-name; Add-TicketTag $b -Name old-name, new-name", new() { ["a"] = a, ["b"] = b }).AssertSuccess();

        var plain = Session.Run("Rename-Tag -Name new-name -NewName newest-name -PassThru").AssertSuccess();
        Assert.Empty(plain.Warnings);
        Assert.Equal("newest-name", plain.Objects<Tag>().Single().Name);

        Sandbox.Host.Requests.Clear();
        var unconfirmed = Session.Run("Rename-Tag -Name old-name -NewName newest-name");
        Assert.NotEmpty(unconfirmed.Errors); // a merge asks, and this host cannot answer
        Assert.Contains("old-name", TagsOf(a));
        Assert.Equal(0, Sent("PUT", "tag_list"));

        var merging = Session.Run("Rename-Tag -Name old-name -NewName newest-name -Force").AssertSuccess();

        Assert.Contains(merging.Warnings, w => w.Contains("already exists") && w.Contains("merges"));
        Assert.Equal(new[] { "newest-name" }, TagsOf(a));
        Assert.Equal(new[] { "newest-name" }, TagsOf(b));
        Assert.Null(ListedTag("old-name"));
    }

    [Fact]
    public void Rename_or_remove_of_an_unknown_tag_is_TagNotFound()
    {
        var rename = Session.Run("Rename-Tag -Name no-such-tag -NewName whatever");
        var remove = Session.Run("Remove-Tag -Name no-such-tag -Force");

        Assert.Equal("TagNotFound,CaseOps.Cmdlets.Tags.RenameTagCommand", rename.FirstError.FullyQualifiedErrorId);
        Assert.Equal("TagNotFound,CaseOps.Cmdlets.Tags.RemoveTagCommand", remove.FirstError.FullyQualifiedErrorId);
        Assert.Equal(0, Changes);
    }

    [Fact]
    public void Remove_Tag_detaches_from_every_ticket_and_WhatIf_does_not()
    {
        var id = NewTicket("Detach");
        Session.Run("param($id) Add-TicketTag $id -Name doomed", new() { ["id"] = id }).AssertSuccess();

        Session.Run("Remove-Tag -Name doomed -WhatIf").AssertSuccess();
        Assert.Contains("doomed", TagsOf(id));

        Session.Run("Remove-Tag -Name doomed -Force").AssertSuccess();
        Assert.DoesNotContain("doomed", TagsOf(id));
        Assert.Null(ListedTag("doomed"));
    }

    [Fact]
    public void Tag_administration_without_admin_rights_is_PermissionDenied()
    {
        Session.ConnectZammad(Sandbox.Host, Sandbox.Host.Options.ZammadAgentToken).AssertSuccess();

        var result = Session.Run("Get-Tag");

        Assert.Equal("PermissionDenied,CaseOps.Cmdlets.Tags.GetTagCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.PermissionDenied, result.FirstError.CategoryInfo.Category);
        Assert.NotEmpty(Session.Run("Get-Tag -Search usb").AssertSuccess().Objects<Tag>());
    }

    [Fact]
    public void Tag_names_and_catalog_values_complete_from_the_server()
    {
        var id = NewTicket("Completion");
        Session.Run("param($id) Add-TicketTag $id -Name completion-zebra", new() { ["id"] = id }).AssertSuccess();

        string[] Complete(string line) =>
            Session.Run("param($line) (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object CompletionText",
                new() { ["line"] = line }).AssertSuccess().Output.Select(o => (string)o.BaseObject).ToArray();

        Assert.Contains("completion-zebra", Complete("Add-TicketTag -TicketId 1 -Name completion-z"));
        // Remove-TicketTag offers the tags of the ticket given, not every tag of the helpdesk.
        Assert.Equal(new[] { "completion-zebra" }, Complete($"Remove-TicketTag -TicketId {id} -Name "));
        Assert.Contains("completion-zebra", Complete("Remove-TicketTag -Name completion-z"));
        Assert.Contains("'Insider Risk'", Complete("New-Ticket -Group Ins"));
        Assert.Contains("closed", Complete("Set-Ticket -Id 1 -State clo"));
        Assert.Contains("nicole.braun", Complete("Set-Ticket -Id 1 -Owner nic"));
    }

    [Fact]
    public void Removing_several_tags_reads_the_tag_list_once()
    {
        var id = NewTicket("Many tags");
        Session.Run("param($id) Add-TicketTag $id -Name bulk-a, bulk-b, bulk-c", new() { ["id"] = id }).AssertSuccess();
        Sandbox.Host.Requests.Clear();

        Session.Run("Remove-Tag -Name bulk-a, bulk-b, bulk-c -Force").AssertSuccess();

        Assert.Equal(1, Sent("GET", "tag_list"));
        Assert.Equal(3, Sent("DELETE", "tag_list/"));
        Assert.Empty(TagsOf(id));
    }

    [Fact]
    public void Remove_TicketTag_PassThru_returns_the_changed_ticket()
    {
        var id = NewTicket("Untag and pass");
        Session.Run("param($id) Add-TicketTag $id -Name passing", new() { ["id"] = id }).AssertSuccess();

        var ticket = Session.Run("param($id) Remove-TicketTag $id -Name passing -PassThru", new() { ["id"] = id }).AssertSuccess().Objects<Ticket>().Single();

        Assert.Equal(id, ticket.Id);
        Assert.Empty(TagsOf(id));
    }
}
