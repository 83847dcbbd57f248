using System.Net;

namespace CaseOps.Connections
{
    /// <summary>HTTPS only, except loopback (the emulator and local test servers).</summary>
    internal static class EndpointPolicy
    {
        private const string ZammadApiPath = "api/v1/";

        public static bool TryNormalize(string? text, out Uri? uri, out string? problem)
        {
            uri = null;
            problem = null;
            if (string.IsNullOrWhiteSpace(text) || !Uri.TryCreate(text!.Trim(), UriKind.Absolute, out var parsed)
                || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
            {
                problem = $"'{text}' is not an absolute http(s) URL, such as https://api.us.code42.com.";
                return false;
            }
            if (parsed.Scheme == Uri.UriSchemeHttp && !IsLoopback(parsed))
            {
                problem = $"'{text}' uses plain http. CaseOps sends credentials only over https (http is allowed for loopback addresses only).";
                return false;
            }
            if (!string.IsNullOrEmpty(parsed.UserInfo) || !string.IsNullOrEmpty(parsed.Query))
            {
                problem = $"The URL must not carry user information or a query string.";
                return false;
            }
            // A trailing slash makes relative resources resolve under the base path.
            var builder = new UriBuilder(parsed);
            if (!builder.Path.EndsWith("/", StringComparison.Ordinal))
                builder.Path += "/";
            uri = builder.Uri;
            return true;
        }

        /// <summary>
        /// <see cref="TryNormalize"/> for a Zammad address, completed with <c>/api/v1/</c> when it is the bare
        /// helpdesk address, so both https://helpdesk.example.com and https://helpdesk.example.com/api/v1 work.
        /// </summary>
        public static bool TryNormalizeZammad(string? text, out Uri? uri, out string? problem)
        {
            if (!TryNormalize(text, out uri, out problem))
                return false;
            if (!uri!.AbsolutePath.EndsWith("/" + ZammadApiPath, StringComparison.OrdinalIgnoreCase))
                uri = new Uri(uri, ZammadApiPath);
            return true;
        }

        /// <summary>The browser address of a helpdesk: its API base without <c>api/v1/</c>.</summary>
        public static Uri ZammadWebBase(Uri apiBase) => new Uri(apiBase, "../../");

        private static bool IsLoopback(Uri uri) =>
            uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
