using System.Security;

namespace CaseOps.Connections
{
    /// <summary>
    /// How a Zammad connection authenticates: an API token (<c>Token token=...</c>) or a login and
    /// password (basic auth). The secret stays in a SecureString and is unwrapped only to build a header.
    /// </summary>
    internal sealed class ZammadCredential
    {
        private readonly string? _login;
        private readonly SecureString _secret;

        private ZammadCredential(string? login, SecureString secret)
        {
            _login = login;
            _secret = secret;
        }

        public static ZammadCredential FromToken(SecureString token) => new ZammadCredential(null, token);

        public static ZammadCredential FromLogin(string login, SecureString password) => new ZammadCredential(login, password);

        /// <summary>"Token" or "Basic".</summary>
        public string Method => _login == null ? "Token" : "Basic";

        /// <summary>The login for basic auth; null for a token.</summary>
        public string? Login => _login;

        public bool IsEmpty => _secret.Length == 0 || (_login != null && _login.Length == 0);

        public string AuthorizationHeader() =>
            _login == null ? "Token token=" + SecureText.Reveal(_secret) : SecureText.BasicHeader(_login, _secret);
    }
}
