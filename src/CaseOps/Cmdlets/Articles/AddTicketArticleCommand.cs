using System.IO;
using CaseOps.Cmdlets.Tickets;
using CaseOps.Http;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Articles
{
    /// <summary>Adds an article (note, email, phone call...) to tickets, with attachments from files.</summary>
    [Cmdlet(VerbsCommon.Add, "TicketArticle", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(TicketArticle))]
    public sealed class AddTicketArticleCommand : ZammadCmdlet
    {
        private List<ArticleFile>? _files;

        /// <summary>The tickets (piped tickets bind by their Id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long[] TicketId { get; set; } = Array.Empty<long>();

        /// <summary>The article's text (HTML with -ContentType text/html).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? Body { get; set; }

        /// <summary>note (default), email, phone, web, sms, chat, fax.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ArticleTypeCompleter))]
        public string Type { get; set; } = "note";

        /// <summary>Visible to agents only.</summary>
        [Parameter]
        public SwitchParameter Internal { get; set; }

        [Parameter]
        [ValidateSet("text/plain", "text/html")]
        public string ContentType { get; set; } = "text/plain";

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Subject { get; set; }

        /// <summary>Files to attach; each must exist before anything is sent.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Attachment { get; set; }

        protected override void BeginProcessing()
        {
            // Read every file first: a wrong path must stop the command before any ticket changes.
            _files = new List<ArticleFile>();
            foreach (var path in Attachment ?? Array.Empty<string>())
            {
                var full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
                if (!File.Exists(full))
                    ThrowTerminatingError(new ErrorRecord(new FileNotFoundException($"The attachment '{full}' does not exist. Nothing was sent.", full),
                        "AttachmentNotFound", ErrorCategory.ObjectNotFound, path));
                _files.Add(ArticleFile.FromPath(full));
            }
        }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            var articles = new ArticleService(connection, RequestLog);
            var tickets = new TicketService(connection, RequestLog);
            var draft = new ArticleDraft { Body = Body!, Type = Type, Internal = Internal.IsPresent, ContentType = ContentType, Subject = Subject };
            foreach (var ticketId in TicketId)
            {
                Attempt(() =>
                {
                    if (!ShouldProcess(TicketPrompt.Target(TicketPrompt.ReadIfShown(this, tickets, ticketId), ticketId), Action()))
                        return;
                    WriteObject(Await(articles.CreateAsync(ticketId, draft, _files!, CancellationToken)));
                }, TicketProblems.About(ticketId));
            }
        }

        /// <summary><c>Add an internal note article (Subject 'Call') with 1 attachment(s): 'Called the user back...'</c></summary>
        private string Action()
        {
            var subject = Subject != null ? " (Subject " + ChangeDescription.Show(Subject) + ")" : string.Empty;
            var files = _files!.Count > 0 ? $" with {_files.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)} attachment(s)" : string.Empty;
            return $"Add {(Internal ? "an internal" : "a")} {Type} article{subject}{files}: {ChangeDescription.Show(Body)}";
        }
    }
}
