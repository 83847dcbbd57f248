using System;
using System.Security;

namespace CaseOps.Connections
{
    /// <summary>Zammad URLs and the CASEOPS_ZAMMAD_* environment variables.</summary>
    internal static class ZammadConnectionFactory
    {
        public const string UrlVariable = "CASEOPS_ZAMMAD_URL";
        public const string TokenVariable = "CASEOPS_ZAMMAD_TOKEN";
        private const string ApiPath = "api/v1/";

        public static string? EnvironmentUrl => Environment.GetEnvironmentVariable(UrlVariable);

        public static SecureString? EnvironmentToken()
        {
            var token = Environment.GetEnvironmentVariable(TokenVariable);
            return string.IsNullOrEmpty(token) ? null : SecureText.From(token!);
        }

        /// <summary>
        /// Applies the https rule and completes a bare helpdesk address with <c>/api/v1/</c>, so both
        /// https://helpdesk.example.com and https://helpdesk.example.com/api/v1 work.
        /// </summary>
        public static bool TryNormalizeUri(string? text, out Uri? uri, out string? problem)
        {
            if (!EndpointPolicy.TryNormalize(text, out uri, out problem))
                return false;
            if (!uri!.AbsolutePath.EndsWith("/" + ApiPath, StringComparison.OrdinalIgnoreCase))
                uri = new Uri(uri, ApiPath);
            return true;
        }

        /// <summary>The browser address of the helpdesk: the API base without <c>api/v1/</c>.</summary>
        public static Uri WebBase(Uri apiBase) => new Uri(apiBase, "../../");
    }
}
