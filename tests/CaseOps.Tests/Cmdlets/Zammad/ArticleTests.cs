using System.Management.Automation;
using System.Text;
using CaseOps.Tests.Infrastructure;
using CaseOps.Zammad.Models;
using Xunit;

namespace CaseOps.Tests.Cmdlets.Zammad;

/// <summary>Get-TicketArticle, Add-TicketArticle (attachments) and Save-TicketAttachment.</summary>
public sealed class ArticleTests : ZammadCmdletTestBase
{
    private readonly TestFolder _temp = new("articles");

    private string Folder => _temp.Path;

    public ArticleTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private long NewTicket(string title) =>
        Session.Run("param($t) New-Ticket -Title $t -Group Users -Customer bob@example.com -Body 'first'", new() { ["t"] = title })
            .AssertSuccess().Objects<Ticket>().Single().Id;

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(Folder, "in", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public override void Dispose()
    {
        base.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void Articles_of_piped_tickets_come_oldest_first_and_by_id()
    {
        var wire = Read("ticket_articles/by_ticket/3").EnumerateArray().Select(a => a.GetProperty("id").GetInt64()).ToArray();

        var listed = Session.Run("Get-Ticket -Id 3 | Get-TicketArticle").AssertSuccess().Objects<TicketArticle>();
        var byId = Session.Run("param($id) Get-TicketArticle -Id $id", new() { ["id"] = wire[0] }).AssertSuccess().Objects<TicketArticle>().Single();

        Assert.Equal(wire, listed.Select(a => a.Id));
        Assert.All(listed, a => Assert.Equal(3, a.TicketId));
        Assert.Equal(listed[0].Body, byId.Body);
        Assert.NotNull(byId.Type);
    }

    [Fact]
    public void A_note_with_attachments_round_trips_through_Save_TicketAttachment()
    {
        var id = NewTicket("Evidence by mail");
        var first = WriteFile("report.txt", "Files copied: 412");
        var second = WriteFile("héllo wörld.csv", "a,b\n1,2");

        var article = Session.Run("param($id, $files) Add-TicketArticle -TicketId $id -Body '<p>See attached</p>' -ContentType text/html -Internal -Subject 'Evidence' -Type email -Attachment $files",
            new() { ["id"] = id, ["files"] = new[] { first, second } }).AssertSuccess().Objects<TicketArticle>().Single();

        Assert.Equal("email", article.Type);
        Assert.True(article.Internal);
        Assert.Equal("text/html", article.ContentType);
        Assert.Equal(new[] { "report.txt", "héllo wörld.csv" }, article.Attachments.Select(a => a.FileName));
        Assert.Equal("text/plain", article.Attachments[0].MimeType);
        Assert.Equal(Encoding.UTF8.GetByteCount("Files copied: 412"), article.Attachments[0].Size);

        var saved = Session.Run("param($id, $p) Get-TicketArticle $id | Where-Object Subject -eq Evidence | Save-TicketAttachment -Path $p",
            new() { ["id"] = id, ["p"] = Folder }).AssertSuccess().Objects<FileInfo>();

        Assert.Equal(2, saved.Count);
        Assert.Equal("Files copied: 412", File.ReadAllText(Path.Combine(Folder, "report.txt")));
        Assert.Equal("a,b\n1,2", File.ReadAllText(Path.Combine(Folder, "héllo wörld.csv")));
        Assert.Empty(Directory.GetFiles(Folder, "*.partial"));
    }

    [Fact]
    public void Piped_attachments_save_one_by_one_and_existing_files_are_kept_without_Force()
    {
        var id = NewTicket("Attachment overwrite");
        var file = WriteFile("notes.txt", "new content");
        Session.Run("param($id, $f) Add-TicketArticle $id -Body 'x' -Attachment $f", new() { ["id"] = id, ["f"] = file }).AssertSuccess();
        File.WriteAllText(Path.Combine(Folder, "notes.txt"), "old content");

        var refused = Session.Run("param($id, $p) (Get-TicketArticle $id).Attachments | Save-TicketAttachment -Path $p", new() { ["id"] = id, ["p"] = Folder });
        Assert.Equal("FileExists,CaseOps.Cmdlets.Articles.SaveTicketAttachmentCommand", refused.FirstError.FullyQualifiedErrorId);
        Assert.Equal("old content", File.ReadAllText(Path.Combine(Folder, "notes.txt")));

        Session.Run("param($id, $p) (Get-TicketArticle $id).Attachments | Save-TicketAttachment -Path $p -Force", new() { ["id"] = id, ["p"] = Folder }).AssertSuccess();
        Assert.Equal("new content", File.ReadAllText(Path.Combine(Folder, "notes.txt")));
    }

    [Fact]
    public void A_missing_attachment_path_stops_before_any_request()
    {
        var result = Session.Run("param($f) Add-TicketArticle -TicketId 4 -Body 'never sent' -Attachment $f", new() { ["f"] = Path.Combine(Folder, "nope.pdf") });

        Assert.Equal("AttachmentNotFound,CaseOps.Cmdlets.Articles.AddTicketArticleCommand", result.FirstError.FullyQualifiedErrorId);
        Assert.Equal(0, Changes);
    }

    [Fact]
    public void Unknown_article_ticket_and_attachment_are_errors_naming_them()
    {
        var article = Session.Run("Get-TicketArticle -Id 987654");
        var ticket = Session.Run("Add-TicketArticle -TicketId 987654 -Body 'x'");
        var attachment = Session.Run("param($p) Save-TicketAttachment -TicketId 3 -ArticleId 1 -AttachmentId 99999 -Path $p", new() { ["p"] = Folder });

        Assert.Equal("ArticleNotFound,CaseOps.Cmdlets.Articles.GetTicketArticleCommand", article.FirstError.FullyQualifiedErrorId);
        Assert.Contains("987654", article.FirstError.ErrorDetails.Message);
        Assert.Equal("TicketNotFound,CaseOps.Cmdlets.Articles.AddTicketArticleCommand", ticket.FirstError.FullyQualifiedErrorId);
        Assert.Equal("AttachmentNotFound,CaseOps.Cmdlets.Articles.SaveTicketAttachmentCommand", attachment.FirstError.FullyQualifiedErrorId);
        Assert.Empty(Directory.GetFiles(Folder));
    }

    [Fact]
    public void WhatIf_adds_no_article()
    {
        var before = Read("ticket_articles/by_ticket/5").GetArrayLength();

        Session.Run("Add-TicketArticle -TicketId 5 -Body 'what if' -WhatIf").AssertSuccess();

        Assert.Equal(before, Read("ticket_articles/by_ticket/5").GetArrayLength());
        Assert.Equal(0, Changes);
    }
}
