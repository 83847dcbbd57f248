using System.Management.Automation;
using CaseOps.Sandbox.Faults;
using CaseOps.Tests.Infrastructure;
using CaseOps.Zammad.Models;
using Xunit;

namespace CaseOps.Tests.Cmdlets.Zammad;

/// <summary>
/// Save-TicketAttachment checks what it saves against the article's size for the attachment
/// (docs/architecture.md, "Downloads"): a body cut short behind a matching Content-Length is
/// IntegrityCheckFailed and leaves nothing behind.
/// </summary>
public sealed class VerifiedAttachmentTests : ZammadCmdletTestBase
{
    private const int Cut = 6240;
    private const int Size = 20_000;
    private readonly TestFolder _temp = new("verified-att");

    private string Folder => _temp.Path;

    public VerifiedAttachmentTests(SandboxFixture sandbox)
        : base(sandbox)
    {
        Directory.CreateDirectory(Path.Combine(Folder, "in"));
        Directory.CreateDirectory(Path.Combine(Folder, "out"));
    }

    private string Out => Path.Combine(Folder, "out");

    public override void Dispose()
    {
        base.Dispose();
        _temp.Dispose();
    }

    private static byte[] Content(int seed)
    {
        var bytes = new byte[Size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A new ticket whose second article carries three attachments of <see cref="Size"/> bytes.</summary>
    private TicketArticle ArticleWithThreeFiles()
    {
        var ticket = Session.Run("param($t) (New-Ticket -Title $t -Group Users -Customer bob@example.com -Body 'first').Id", new() { ["t"] = "Verified " + Guid.NewGuid().ToString("N")[..8] })
            .AssertSuccess().Output.Select(o => (long)o.BaseObject).Single();
        var files = Enumerable.Range(1, 3).Select(i =>
        {
            var path = Path.Combine(Folder, "in", $"evidence-{i}.bin");
            File.WriteAllBytes(path, Content(i));
            return path;
        }).ToArray();
        var article = Session.Run("param($id, $f) Add-TicketArticle -TicketId $id -Body 'files' -Attachment $f", new() { ["id"] = ticket, ["f"] = files })
            .AssertSuccess().Objects<TicketArticle>().Single();
        Sandbox.Host.Requests.Clear();
        return article;
    }

    private int ArticleReads(long articleId) =>
        Sandbox.Host.Requests.Count(e => e.Method == "GET" && e.Path == $"/zammad/api/v1/ticket_articles/{articleId}");

    private static Func<Microsoft.AspNetCore.Http.HttpRequest, bool> AttachmentRoute(TicketAttachment attachment) =>
        AnswerRewrites.Request("GET", $"/zammad/api/v1/ticket_attachment/{attachment.TicketId}/{attachment.ArticleId}/{attachment.Id}");

    [Fact]
    public void An_attachment_cut_short_behind_a_matching_Content_Length_is_IntegrityCheckFailed_and_the_others_still_save()
    {
        var article = ArticleWithThreeFiles();
        Sandbox.Host.Faults.Rewrites.Add(AttachmentRoute(article.Attachments[1]), body => body[..(body.Length - Cut)]);

        var result = Session.Run("param($id, $p) $r = @(Get-TicketArticle $id | Save-TicketAttachment -Path $p -ErrorAction SilentlyContinue); $r",
            new() { ["id"] = article.TicketId, ["p"] = Out });

        // SilentlyContinue keeps the error out of the stream; $Error still has it.
        Assert.Empty(result.Errors);
        var error = Assert.IsType<ErrorRecord>(Assert.Single(Session.Run("$Error").Output).BaseObject);
        Assert.Equal("IntegrityCheckFailed,CaseOps.Cmdlets.Articles.SaveTicketAttachmentCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.Contains($"the article gives the size as {Size:N0} bytes, received {Size - Cut:N0}", error.ErrorDetails.Message);
        var saved = result.Objects<FileInfo>();
        Assert.Equal(new[] { "evidence-1.bin", "evidence-3.bin" }, saved.Select(f => f.Name));
        Assert.Equal(Content(1), File.ReadAllBytes(saved[0].FullName));
        Assert.Equal(Content(3), File.ReadAllBytes(saved[1].FullName));
        // Nothing else in the folder: no evidence-2.bin, no temporary file.
        Assert.Equal(saved.Select(f => f.FullName).OrderBy(p => p), Directory.GetFiles(Out, "*", SearchOption.AllDirectories).OrderBy(p => p));
    }

    [Fact]
    public void By_ids_the_article_is_read_once_for_the_sizes_and_a_cut_body_is_caught()
    {
        var article = ArticleWithThreeFiles();
        var cut = article.Attachments[2];
        Sandbox.Host.Faults.Rewrites.Add(AttachmentRoute(cut), body => body[..(body.Length - Cut)]);

        var result = Session.Run("param($t, $a, $ids, $p) $ids | ForEach-Object { [pscustomobject]@{ TicketId = $t; ArticleId = $a; AttachmentId = $_ } } | Save-TicketAttachment -Path $p -Verbose",
            new() { ["t"] = article.TicketId, ["a"] = article.Id, ["ids"] = article.Attachments.Select(a => a.Id).ToArray(), ["p"] = Out });

        var error = Assert.Single(result.Errors);
        Assert.Equal("IntegrityCheckFailed,CaseOps.Cmdlets.Articles.SaveTicketAttachmentCommand", error.FullyQualifiedErrorId);
        Assert.Equal(2, result.Objects<FileInfo>().Count);
        Assert.Equal(2, result.Verbose.Count(line => line.StartsWith("Saved attachment", StringComparison.Ordinal) && line.Contains("verified Content-Length, size", StringComparison.Ordinal)));
        Assert.Equal(1, ArticleReads(article.Id));
        Assert.Equal(3, Sent("GET", "ticket_attachment/"));
        Assert.Equal(2, Directory.GetFiles(Out, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void Piped_attachments_carry_their_size_so_the_article_is_not_read_again()
    {
        var article = ArticleWithThreeFiles();

        var result = Session.Run("param($id, $p) (Get-TicketArticle $id).Attachments | Save-TicketAttachment -Path $p -Verbose", new() { ["id"] = article.TicketId, ["p"] = Out }).AssertSuccess();

        Assert.Equal(3, result.Objects<FileInfo>().Count);
        Assert.Equal(3, result.Verbose.Count(line => line.Contains("verified Content-Length, size", StringComparison.Ordinal)));
        Assert.Equal(0, ArticleReads(article.Id));
    }
}
