using System.Globalization;

namespace CaseOps.Http
{
    /// <summary>
    /// An API answer as it came, for <c>Invoke-CaseOpsRequest -Raw</c>: status, headers, body text.
    /// Error statuses are answers too: they are returned, not thrown.
    /// </summary>
    public sealed class RawApiResponse
    {
        public RawApiResponse(int statusCode, IDictionary<string, string> headers, string content, string? contentType)
        {
            StatusCode = statusCode;
            Headers = new Dictionary<string, string>(headers ?? throw new ArgumentNullException(nameof(headers)), StringComparer.OrdinalIgnoreCase);
            Content = content ?? string.Empty;
            ContentType = contentType;
        }

        /// <summary>The HTTP status, e.g. 200 or 404.</summary>
        public int StatusCode { get; }

        /// <summary>Response and content headers by name, any letter case; repeated headers joined with ", ".</summary>
        public Dictionary<string, string> Headers { get; }

        /// <summary>The body as text; empty when there was none.</summary>
        public string Content { get; }

        /// <summary>The media type of the body, e.g. application/json; null without a body.</summary>
        public string? ContentType { get; }

        /// <summary>True for a 2xx status.</summary>
        public bool IsSuccessStatusCode => StatusCode >= 200 && StatusCode < 300;

        public override string ToString() =>
            StatusCode.ToString(CultureInfo.InvariantCulture) + (ContentType != null ? " " + ContentType : string.Empty)
            + " (" + Content.Length.ToString(CultureInfo.InvariantCulture) + " characters)";
    }
}
