using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Articles
{
    /// <summary>Saves attachments of ticket articles to disk, safely: streamed, complete or not at all, never overwriting without -Force.</summary>
    [Cmdlet(VerbsData.Save, "TicketAttachment", DefaultParameterSetName = ArticleSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveTicketAttachmentCommand : ZammadCmdlet
    {
        private const string IdSet = "ById";
        private const string ArticleSet = "Article";
        private FileSaver? _saver;
        private readonly Dictionary<long, Task<TicketArticle>> _articlesRead = new Dictionary<long, Task<TicketArticle>>();

        /// <summary>Every attachment of these articles (from Get-TicketArticle).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ArticleSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public TicketArticle? Article { get; set; }

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long TicketId { get; set; }

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long ArticleId { get; set; }

        /// <summary>The attachment (piped attachments bind by their Id).</summary>
        [Parameter(Mandatory = true, Position = 2, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1, long.MaxValue)]
        public long AttachmentId { get; set; }

        /// <summary>An existing folder (the file keeps its name) or a file path; the current folder when omitted.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>Replaces an existing file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>
        /// The attachment's size in bytes, to check the download against (piped attachments bind their
        /// Size). When omitted with ids, the article is read once to learn it.
        /// </summary>
        [Parameter(ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Size")]
        [ValidateRange(0, long.MaxValue)]
        public long? ExpectedSize { get; set; }

        protected override void ProcessRecord()
        {
            if (Article != null)
            {
                foreach (var attachment in Article.Attachments)
                    Save(attachment.TicketId, attachment.ArticleId, attachment.Id, attachment.FileName, attachment.Size, readArticle: false);
                return;
            }
            Save(TicketId, ArticleId, AttachmentId, null, ExpectedSize, readArticle: ExpectedSize == null);
        }

        private void Save(long ticketId, long articleId, long attachmentId, string? name, long? size, bool readArticle)
        {
            var articles = new ArticleService(ResolveConnection(), RequestLog);
            var defaultName = name ?? $"Ticket-{ticketId}-article-{articleId}-attachment-{attachmentId}";
            var context = new ErrorContext($"Attachment {attachmentId} of article {articleId} on ticket {ticketId}", "AttachmentNotFound", attachmentId);
            (_saver ??= new FileSaver(this)).Save(Path, Force.IsPresent, "attachment " + (name ?? attachmentId.ToString(System.Globalization.CultureInfo.InvariantCulture)), defaultName,
                async (target, progress, ct) =>
                {
                    var expected = readArticle ? await SizeFromArticleAsync(articles, articleId, attachmentId, ct).ConfigureAwait(false) : size;
                    return await articles.SaveAttachmentAsync(ticketId, articleId, attachmentId, target, progress, ct, expected).ConfigureAwait(false);
                },
                ex => ErrorRecordFactory.FromApi(ex, context));
        }

        // The article lists each attachment's size (docs/contracts/zammad.md, "Article schema"); read
        // once per article in this command, however many of its attachments are saved.
        private async Task<long?> SizeFromArticleAsync(ArticleService articles, long articleId, long attachmentId, CancellationToken cancellationToken)
        {
            if (!_articlesRead.TryGetValue(articleId, out var read) || read.IsFaulted || read.IsCanceled)
                _articlesRead[articleId] = read = articles.GetAsync(articleId, cancellationToken);
            var article = await read.ConfigureAwait(false);
            return article.Attachments.FirstOrDefault(a => a.Id == attachmentId)?.Size;
        }
    }
}
