using System.Globalization;
using System.IO;
using CaseOps.Connections;
using CaseOps.Downloads;
using CaseOps.Http;
using CaseOps.Zammad.Models;
using Newtonsoft.Json.Linq;
using RestSharp;

namespace CaseOps.Zammad
{
    /// <summary>A ticket's articles and their attachments.</summary>
    public sealed class ArticleService
    {
        private readonly ApiClient _api;
        private readonly IRequestLog _log;

        public ArticleService(ZammadConnection connection, IRequestLog? log = null)
        {
            _api = connection.Api;
            _log = log ?? RequestLog.None;
        }

        /// <summary>Every article of the ticket, oldest first (Zammad answers them in one list).</summary>
        public Task<List<TicketArticle>> ListAsync(long ticketId, CancellationToken cancellationToken) =>
            _api.SendAsync<List<TicketArticle>>(new RestRequest("ticket_articles/by_ticket/" + Text(ticketId)), _log, cancellationToken);

        public Task<TicketArticle> GetAsync(long articleId, CancellationToken cancellationToken) =>
            _api.SendAsync<TicketArticle>(new RestRequest("ticket_articles/" + Text(articleId)), _log, cancellationToken,
                answer => StrictJson.SameId("id", articleId, answer.Id));

        /// <summary>Adds an article; attachments travel base64-encoded in the JSON body, as the API expects.</summary>
        public Task<TicketArticle> CreateAsync(long ticketId, ArticleDraft article, IReadOnlyList<ArticleFile> attachments, CancellationToken cancellationToken)
        {
            var body = new JObject
            {
                ["ticket_id"] = ticketId,
                ["body"] = article.Body,
                ["type"] = string.IsNullOrEmpty(article.Type) ? "note" : article.Type,
                ["internal"] = article.Internal,
                ["content_type"] = article.ContentType ?? "text/plain",
            };
            if (article.Subject != null)
                body["subject"] = article.Subject;
            if (attachments.Count > 0)
            {
                var files = new JArray();
                foreach (var file in attachments)
                    files.Add(new JObject { ["filename"] = file.FileName, ["data"] = Convert.ToBase64String(file.Content), ["mime-type"] = file.MimeType });
                body["attachments"] = files;
            }
            var request = new RestRequest("ticket_articles", Method.Post);
            request.AddStringBody(body.ToString(Newtonsoft.Json.Formatting.None), ContentType.Json);
            return _api.SendAsync<TicketArticle>(request, _log, cancellationToken);
        }

        /// <summary>
        /// Streams one attachment into <paramref name="target"/>, checked against its Content-Length
        /// and <paramref name="expectedSize"/>, the article's <c>size</c> for it (null: not known).
        /// </summary>
        public Task<FileInfo> SaveAttachmentAsync(long ticketId, long articleId, long attachmentId, DownloadTarget target, StreamingDownloadProgress progress, CancellationToken cancellationToken, long? expectedSize = null) =>
            target.ReceiveAsync(_api, new RestRequest($"ticket_attachment/{Text(ticketId)}/{Text(articleId)}/{Text(attachmentId)}"), progress, _log,
                new DownloadExpectation(expectedSize, null, null, "the article"), cancellationToken);

        private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A file to attach: its name, bytes and media type.</summary>
    public sealed class ArticleFile
    {
        private static readonly Dictionary<string, string> MimeTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [".txt"] = "text/plain", [".log"] = "text/plain", [".csv"] = "text/csv", [".htm"] = "text/html", [".html"] = "text/html",
            [".json"] = "application/json", [".xml"] = "application/xml", [".pdf"] = "application/pdf", [".zip"] = "application/zip",
            [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".gif"] = "image/gif", [".eml"] = "message/rfc822",
            [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        };

        public ArticleFile(string fileName, byte[] content, string mimeType)
        {
            FileName = fileName;
            Content = content;
            MimeType = mimeType;
        }

        public string FileName { get; }
        public byte[] Content { get; }
        public string MimeType { get; }

        /// <summary>Reads a file from disk; the media type follows its extension.</summary>
        public static ArticleFile FromPath(string path) =>
            new ArticleFile(Path.GetFileName(path), File.ReadAllBytes(path),
                MimeTypes.TryGetValue(Path.GetExtension(path), out var mime) ? mime : "application/octet-stream");
    }
}
