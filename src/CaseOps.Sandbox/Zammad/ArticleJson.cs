using System.Globalization;
using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// Renders an article (docs/contracts/zammad.md, Article schema) with the names the article endpoints always include:
/// <c>created_by</c>/<c>updated_by</c> (logins), <c>type</c>, <c>sender</c> and <c>time_unit</c>
/// (sum of the time accountings pointing at the article, or null).
/// </summary>
internal sealed class ArticleJson(ZammadApi api)
{
    /// <summary>The wire form. Articles are never edited here, so updated_* equal created_*.</summary>
    public JsonObject Render(ZammadArticle article)
    {
        var login = api.Users.Find(article.CreatedById)?.Login;
        return new JsonObject
        {
            ["id"] = article.Id,
            ["ticket_id"] = article.TicketId,
            ["type_id"] = article.TypeId,
            ["sender_id"] = article.SenderId,
            ["from"] = article.From,
            ["to"] = article.To,
            ["cc"] = article.Cc,
            ["subject"] = article.Subject,
            ["reply_to"] = null,
            ["message_id"] = null,
            ["message_id_md5"] = null,
            ["in_reply_to"] = null,
            ["content_type"] = article.ContentType,
            ["references"] = null,
            ["body"] = article.Body,
            ["internal"] = article.Internal,
            ["preferences"] = new JsonObject(),
            ["updated_by_id"] = article.CreatedById,
            ["created_by_id"] = article.CreatedById,
            ["origin_by_id"] = null,
            ["created_at"] = ZammadTime.Format(article.CreatedAt),
            ["updated_at"] = ZammadTime.Format(article.CreatedAt),
            ["attachments"] = new JsonArray(article.Attachments.Select(a => (JsonNode?)Attachment(a)).ToArray()),
            ["type"] = api.Lookups.ArticleTypes.GetValueOrDefault(article.TypeId),
            ["sender"] = api.Lookups.Senders.GetValueOrDefault(article.SenderId),
            ["created_by"] = login,
            ["updated_by"] = login,
            ["time_unit"] = ZammadTimeUnit.Format(api.TimeAccountings.SumOfArticle(article.Id)),
        };
    }

    private static JsonObject Attachment(ZammadAttachment attachment) => new()
    {
        ["id"] = attachment.Id,
        ["store_file_id"] = attachment.StoreFileId,
        ["filename"] = attachment.Filename,
        ["size"] = attachment.Size.ToString(CultureInfo.InvariantCulture),
        ["preferences"] = new JsonObject { ["Mime-Type"] = attachment.MimeType },
    };
}
