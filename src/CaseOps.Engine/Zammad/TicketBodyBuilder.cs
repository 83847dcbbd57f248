using System.Globalization;
using System.Linq;
using CaseOps.Http;
using CaseOps.Zammad.Models;
using Newtonsoft.Json.Linq;

namespace CaseOps.Zammad
{
    /// <summary>Turns <see cref="TicketChanges"/> into the JSON body of a ticket create or update, names resolved to ids.</summary>
    internal static class TicketBodyBuilder
    {
        private const string GuessPrefix = "guess:";

        public static async Task<JObject> BuildAsync(TicketChanges changes, ZammadCatalog catalog, bool create, IRequestLog log, CancellationToken cancellationToken)
        {
            // Other fields first, so the named ones (-State, -Customer ...) win over the same field in -Property.
            var body = new JObject();
            foreach (var field in changes.Fields)
                body[field.Key] = field.Value;
            // Every name is resolved before the body is used, so an unknown one stops the change unsent.
            await AddReferenceAsync(body, CatalogKind.Group, changes.Group, catalog, log, cancellationToken).ConfigureAwait(false);
            await AddReferenceAsync(body, CatalogKind.State, changes.State, catalog, log, cancellationToken).ConfigureAwait(false);
            await AddReferenceAsync(body, CatalogKind.Priority, changes.Priority, catalog, log, cancellationToken).ConfigureAwait(false);
            await AddReferenceAsync(body, CatalogKind.Owner, changes.Owner, catalog, log, cancellationToken).ConfigureAwait(false);

            if (changes.Title != null)
                body["title"] = changes.Title;
            if (changes.Customer != null)
                AddCustomer(body, changes.Customer);
            if (create && changes.Tags != null && changes.Tags.Count > 0)
                body["tags"] = string.Join(",", changes.Tags.Select(t => t.Trim()));
            if (changes.Article != null)
                body["article"] = ArticleBody(changes.Article, changes.Title);
            return body;
        }

        private static async Task AddReferenceAsync(JObject body, CatalogKind kind, TicketReference? reference, ZammadCatalog catalog, IRequestLog log, CancellationToken cancellationToken)
        {
            if (reference == null)
                return;
            body.Remove(CatalogKinds.NameField(kind));
            body[CatalogKinds.IdField(kind)] = await catalog.ResolveAsync(kind, reference, log, cancellationToken).ConfigureAwait(false);
        }

        // An id, "guess:<email>" (find or create by email) or a login/email the server looks up.
        private static void AddCustomer(JObject body, string customer)
        {
            var text = customer.Trim();
            body.Remove("customer");
            body.Remove("customer_id");
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                body["customer_id"] = id;
            else if (text.StartsWith(GuessPrefix, System.StringComparison.OrdinalIgnoreCase))
                body["customer_id"] = GuessPrefix + text.Substring(GuessPrefix.Length).Trim();
            else
                body["customer"] = text;
        }

        private static JObject ArticleBody(ArticleDraft article, string? title)
        {
            var json = new JObject
            {
                ["body"] = article.Body,
                ["type"] = string.IsNullOrEmpty(article.Type) ? "note" : article.Type,
                ["internal"] = article.Internal,
            };
            var subject = article.Subject ?? title;
            if (subject != null)
                json["subject"] = subject;
            if (article.ContentType != null)
                json["content_type"] = article.ContentType;
            return json;
        }
    }
}
