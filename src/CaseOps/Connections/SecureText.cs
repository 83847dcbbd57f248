using System.Security;

namespace CaseOps.Connections
{
    internal static class SecureText
    {
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
