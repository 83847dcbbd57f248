using System.IO;
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

        protected override void ProcessRecord()
        {
            if (Article != null)
            {
                foreach (var attachment in Article.Attachments)
                    Save(attachment.TicketId, attachment.ArticleId, attachment.Id, attachment.FileName);
                return;
            }
            Save(TicketId, ArticleId, AttachmentId, null);
        }

        private void Save(long ticketId, long articleId, long attachmentId, string? name)
        {
            var articles = new ArticleService(ResolveConnection(), RequestLog);
            var defaultName = name ?? $"Ticket-{ticketId}-article-{articleId}-attachment-{attachmentId}";
            var context = new ErrorContext($"Attachment {attachmentId} of article {articleId} on ticket {ticketId}", "AttachmentNotFound", attachmentId);
            (_saver ??= new FileSaver(this)).Save(Path, Force.IsPresent, "attachment " + (name ?? attachmentId.ToString(System.Globalization.CultureInfo.InvariantCulture)), defaultName,
                (target, progress, ct) => articles.SaveAttachmentAsync(ticketId, articleId, attachmentId, target, progress, ct),
                ex => ErrorRecordFactory.FromApi(ex, context));
        }
    }
}
