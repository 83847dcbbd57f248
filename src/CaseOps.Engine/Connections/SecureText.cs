using System.Security;

namespace CaseOps.Connections
{
    internal static class SecureText
    {
        /// <summary>The text of a secret, for the moment a header is built from it.</summary>
        public static string Reveal(SecureString secret) => new System.Net.NetworkCredential(string.Empty, secret).Password;

        /// <summary>An HTTP Basic Authorization header value.</summary>
        public static string BasicHeader(string user, SecureString secret) =>
            "Basic " + System.Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(user + ":" + Reveal(secret)));

        /// <summary>A read-only SecureString of <paramref name="text"/> (for secrets read from environment variables).</summary>
        public static SecureString From(string text)
        {
            var secure = new SecureString();
            foreach (var c in text)
                secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
