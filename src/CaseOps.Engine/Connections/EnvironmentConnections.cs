using System.Security;
using CaseOps.Http;

namespace CaseOps.Connections
{
    /// <summary>
    /// The CASEOPS_* environment variables: what scheduled jobs and runbooks connect with when no
    /// Connect-* command ran (docs/architecture.md, "Connections"). The one place that reads them and
    /// makes a connection from them.
    /// </summary>
    internal static class EnvironmentConnections
    {
        public const string IncydrUrlVariable = "CASEOPS_INCYDR_URL";
        public const string IncydrClientIdVariable = "CASEOPS_INCYDR_CLIENT_ID";
        public const string IncydrClientSecretVariable = "CASEOPS_INCYDR_CLIENT_SECRET";
        public const string ZammadUrlVariable = "CASEOPS_ZAMMAD_URL";
        public const string ZammadTokenVariable = "CASEOPS_ZAMMAD_TOKEN";

        public static string? IncydrUrl => Read(IncydrUrlVariable);

        public static string? ZammadUrl => Read(ZammadUrlVariable);

        /// <summary>The API client id and secret, or null unless both are set.</summary>
        public static (string ClientId, SecureString Secret)? IncydrCredential()
        {
            var id = Read(IncydrClientIdVariable);
            var secret = Read(IncydrClientSecretVariable);
            if (id == null || secret == null)
                return null;
            return (id, SecureText.From(secret));
        }

        /// <summary>The Zammad API token, or null when it is not set.</summary>
        public static SecureString? ZammadToken() => Read(ZammadTokenVariable) is { } token ? SecureText.From(token) : null;

        /// <summary>True when every variable the service needs is set (whether its URL is acceptable is checked on use).</summary>
        public static bool IsConfigured(CaseOpsService service) => service == CaseOpsService.Incydr
            ? IncydrUrl != null && IncydrCredential() != null
            : ZammadUrl != null && Read(ZammadTokenVariable) != null;

        /// <summary>
        /// A connection made from the variables, or null when they are not all set or the URL is not
        /// acceptable. A Zammad connection learns its account from users/me at once, as Connect-Zammad does,
        /// so a wrong token fails here (with <see cref="CaseOpsApiException"/>) and not in the middle of a command.
        /// </summary>
        public static async Task<CaseOpsConnection?> CreateAsync(CaseOpsService service, IRequestLog log, CancellationToken cancellationToken)
        {
            if (service == CaseOpsService.Incydr)
            {
                if (!EndpointPolicy.TryNormalize(IncydrUrl, out var incydrUri, out _) || !(IncydrCredential() is { } credential))
                    return null;
                log.Verbose($"Connecting to Incydr at {incydrUri} as {credential.ClientId} from the {IncydrUrlVariable} environment variables");
                return new IncydrConnection(new ApiClientOptions(incydrUri!), credential.ClientId, credential.Secret);
            }

            if (!EndpointPolicy.TryNormalizeZammad(ZammadUrl, out var zammadUri, out _) || !(ZammadToken() is { } token))
                return null;
            log.Verbose($"Connecting to Zammad at {zammadUri} with the token from {ZammadTokenVariable}");
            return await ZammadConnection.OpenAsync(new ApiClientOptions(zammadUri!), ZammadCredential.FromToken(token), null, log, cancellationToken)
                .ConfigureAwait(false);
        }

        private static string? Read(string variable)
        {
            var value = Environment.GetEnvironmentVariable(variable);
            return string.IsNullOrEmpty(value) ? null : value;
        }
    }
}
