using System;
using System.Security;

namespace CaseOps.Connections
{
    /// <summary>Builds Incydr connections from parameters or from the CASEOPS_INCYDR_* environment variables.</summary>
    internal static class IncydrConnectionFactory
    {
        public const string UrlVariable = "CASEOPS_INCYDR_URL";
        public const string ClientIdVariable = "CASEOPS_INCYDR_CLIENT_ID";
        public const string ClientSecretVariable = "CASEOPS_INCYDR_CLIENT_SECRET";

        public static string? EnvironmentUrl => Environment.GetEnvironmentVariable(UrlVariable);

        public static (string ClientId, SecureString Secret)? EnvironmentCredential()
        {
            var id = Environment.GetEnvironmentVariable(ClientIdVariable);
            var secret = Environment.GetEnvironmentVariable(ClientSecretVariable);
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret))
                return null;
            return (id!, SecureText.From(secret!));
        }
    }
}
