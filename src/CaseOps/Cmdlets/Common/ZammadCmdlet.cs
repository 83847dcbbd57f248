using CaseOps.Connections;
using CaseOps.Http;

namespace CaseOps.Cmdlets.Common
{
    /// <summary>Base of the cmdlets that act on Zammad.</summary>
    public abstract class ZammadCmdlet : ConnectedCmdlet<ZammadConnection>
    {
        private protected override CaseOpsService Service => CaseOpsService.Zammad;

        private protected override string ConnectHint =>
            "Run Connect-Zammad -Uri <https://host/api/v1> -Token <API token> first, pass -Connection, "
            + $"or set {ZammadConnectionFactory.UrlVariable} and {ZammadConnectionFactory.TokenVariable}.";

        private protected override ZammadConnection? FromEnvironment()
        {
            if (!ZammadConnectionFactory.TryNormalizeUri(ZammadConnectionFactory.EnvironmentUrl, out var uri, out _)
                || !(ZammadConnectionFactory.EnvironmentToken() is { } token))
                return null;
            WriteVerboseLine($"Connecting to Zammad at {uri} with the token from {ZammadConnectionFactory.TokenVariable}");
            return new ZammadConnection(new ApiClientOptions(uri!), ZammadCredential.FromToken(token), null);
        }
    }
}
