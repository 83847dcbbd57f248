using System.Globalization;
using System.Text;

namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// docs/contracts/zammad.md, Articles and attachments: <c>GET /ticket_attachment/{ticketId}/{articleId}/{attachmentId}</c> → the raw
/// bytes with the stored content type, <c>Content-Disposition: attachment; filename="&lt;name&gt;"</c>
/// and Content-Length. Every id must match the chain (article on that ticket, attachment on that
/// article), else 404 with a Zammad body naming the first id that did not match.
/// </summary>
internal sealed class AttachmentRoutes(ZammadApi api)
{
    /// <summary>Maps the endpoint onto the authenticated Zammad group.</summary>
    public void Map(IEndpointRouteBuilder routes) => routes.MapGet("/ticket_attachment/{ticketId}/{articleId}/{attachmentId}", Download);

    /// <summary>
    /// The header value. Response headers must be ASCII, so a name with other characters gets an
    /// ASCII fallback (<c>_</c> for each such character) plus RFC 5987 <c>filename*</c>.
    /// </summary>
    internal static string Disposition(string filename)
    {
        var ascii = new StringBuilder();
        foreach (var c in filename)
        {
            ascii.Append(c is < ' ' or > '~' ? '_' : c is '"' or '\\' ? '_' : c);
        }

        var value = $"attachment; filename=\"{ascii}\"";
        return ascii.ToString() == filename ? value : $"{value}; filename*=UTF-8''{Uri.EscapeDataString(filename)}";
    }

    private IResult Download(HttpContext context, string ticketId, string articleId, string attachmentId)
    {
        var call = ZammadCall.Of(context);
        ZammadAttachment attachment;
        lock (api.Gate)
        {
            var ticket = TicketRoutes.Readable(api, call, TicketRoutes.ParseId(ticketId));
            var article = ArticleRoutes.Readable(api, call, articleId);
            if (article.TicketId != ticket.Id)
            {
                throw ZammadFailure.NotFound("Ticket::Article", articleId);
            }

            attachment = (int.TryParse(attachmentId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? article.Attachments.FirstOrDefault(a => a.Id == id) : null)
                ?? throw ZammadFailure.NotFound("Store", attachmentId);
        }

        context.Response.Headers.ContentDisposition = Disposition(attachment.Filename);
        return Results.Bytes(attachment.Data, attachment.MimeType);
    }
}
