using System.Text.RegularExpressions;

namespace CaseOps.Http
{
    /// <summary>
    /// Masks credential-bearing JSON and form fields before a body reaches a log, then cuts it to
    /// <see cref="MaxLoggedBodyLength"/>: debug bodies are for reading, and a base64 attachment or a huge listing would
    /// flood a job's stream. Masking comes first, so a cut never splits a secret out of the pattern's reach.
    /// </summary>
    internal static class SecretRedactor
    {
        private static readonly Regex JsonSecret = new Regex(
            "(\"(?:access_token|refresh_token|token|client_secret|password|secret|authorization)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"",
            RegexOptions.IgnoreCase | RegexOptions.Compiled);

        private static readonly Regex FormSecret = new Regex(
            "((?:^|[&?\\s])(?:access_token|client_secret|password|token)=)[^&]*",
            RegexOptions.IgnoreCase | RegexOptions.Compiled);

        public const int MaxLoggedBodyLength = 4096;

        public static string Redact(string? body)
        {
            if (string.IsNullOrEmpty(body))
                return string.Empty;
            var text = JsonSecret.Replace(body, "$1\"***\"");
            text = FormSecret.Replace(text, "$1***");
            return ServerText.Cap(text, MaxLoggedBodyLength)!;
        }
    }
}
