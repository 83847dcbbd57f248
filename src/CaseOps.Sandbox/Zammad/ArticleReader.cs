using System.Text.Json.Nodes;

namespace CaseOps.Sandbox.Zammad;

/// <summary>
/// Reads the <c>article</c> object of a ticket create/update (docs/contracts/zammad.md, Article request body) into a new article:
/// <c>body</c> required; <c>type</c>/<c>type_id</c> (default note), <c>sender</c> (default Agent for
/// agents, Customer otherwise), <c>internal</c>, <c>content_type</c>, <c>subject</c>, <c>from</c>,
/// <c>to</c>, <c>cc</c>, <c>time_unit</c> (recorded as a time accounting when the article is stored)
/// and <c>attachments</c> (each key required, data base64; kept with their bytes). Everything is
/// validated before anything is stored.
/// </summary>
internal static class ArticleReader
{
    /// <summary>The article, or null when <paramref name="node"/> is absent or null.</summary>
    public static ZammadArticle? Read(JsonNode? node, ZammadLookups lookups, ZammadUser actor, DateTime now)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not JsonObject article || Text(article, "body") is not { Length: > 0 } body)
        {
            throw ZammadFailure.Unprocessable("Need at least an 'article body' field.");
        }

        var typeId = ZammadParams.AsInt(article["type_id"])
            ?? (Text(article, "type") is { } typeName ? lookups.ArticleType(typeName) ?? throw ZammadFailure.NoLookup("type", typeName) : ZammadLookups.NoteType);
        if (!lookups.ArticleTypes.ContainsKey(typeId))
        {
            throw ZammadFailure.NoLookup("type_id", typeId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var senderId = ZammadParams.AsInt(article["sender_id"])
            ?? (Text(article, "sender") is { } senderName
                ? lookups.Sender(senderName) ?? throw ZammadFailure.NoLookup("sender", senderName)
                : actor.IsAgent ? ZammadLookups.AgentSender : ZammadLookups.CustomerSender);

        var attachments = Attachments(article["attachments"]);
        var timeUnit = article.ContainsKey("time_unit") && article["time_unit"] is not null ? ZammadTimeUnit.Parse(article["time_unit"]) : (decimal?)null;
        return new ZammadArticle
        {
            TypeId = typeId,
            SenderId = senderId,
            Body = body,
            Subject = Text(article, "subject"),
            From = Text(article, "from") ?? actor.FullName,
            To = Text(article, "to"),
            Cc = Text(article, "cc"),
            ContentType = Text(article, "content_type") ?? "text/plain",
            // Customers cannot write internal notes; the server silently makes them public.
            Internal = actor.IsAgent && ZammadParams.Text(article["internal"]) is { } flag && (flag.Equals("true", StringComparison.OrdinalIgnoreCase) || flag == "1"),
            CreatedById = actor.Id,
            CreatedAt = now,
            Attachments = attachments,
            PendingTimeUnit = timeUnit,
        };
    }

    private static string? Text(JsonObject article, string key) => ZammadParams.Text(article[key]);

    /// <summary>The attachments (ids assigned by the store), or the exact 422 of docs/contracts/zammad.md, Article request body.</summary>
    private static List<ZammadAttachment> Attachments(JsonNode? node)
    {
        var result = new List<ZammadAttachment>();
        if (node is not JsonArray attachments)
        {
            return result;
        }

        for (var i = 0; i < attachments.Count; i++)
        {
            var attachment = attachments[i] as JsonObject;
            foreach (var key in new[] { "filename", "data", "mime-type" })
            {
                if (attachment is null || ZammadParams.Text(attachment[key]) is null)
                {
                    throw ZammadFailure.Unprocessable($"Attachment needs '{key}' param for attachment with index '{i}'");
                }
            }

            byte[] data;
            try
            {
                data = Convert.FromBase64String(ZammadParams.Text(attachment!["data"])!);
            }
            catch (FormatException)
            {
                throw ZammadFailure.Unprocessable($"Invalid base64 for attachment with index '{i}'");
            }

            result.Add(new ZammadAttachment(0, ZammadParams.Text(attachment["filename"])!, ZammadParams.Text(attachment["mime-type"])!, data));
        }

        return result;
    }
}
