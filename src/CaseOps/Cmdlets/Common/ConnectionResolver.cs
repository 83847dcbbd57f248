using CaseOps.Connections;
using CaseOps.Http;

namespace CaseOps.Cmdlets.Common
{
    /// <summary>
    /// The one order in which a command finds its connection (docs/architecture.md, "Connections"): the
    /// -Connection given, else this runspace's default, else one made from the CASEOPS_* environment
    /// variables (kept as the default); otherwise a terminating error that says how to connect.
    /// </summary>
    internal sealed class ConnectionResolver
    {
        private readonly CaseOpsCmdlet _cmdlet;

        public ConnectionResolver(CaseOpsCmdlet cmdlet) => _cmdlet = cmdlet;

        /// <summary>How to connect to <paramref name="service"/>, for the NotConnected error.</summary>
        public static string ConnectHint(CaseOpsService service) => service == CaseOpsService.Incydr
            ? "Run Connect-Incydr -Uri <base URL> -Credential <client id and secret> first, pass -Connection, "
              + $"or set {EnvironmentConnections.IncydrUrlVariable}, {EnvironmentConnections.IncydrClientIdVariable} and {EnvironmentConnections.IncydrClientSecretVariable}."
            : "Run Connect-Zammad -Uri <https://host/api/v1> -Token <API token> first, pass -Connection, "
              + $"or set {EnvironmentConnections.ZammadUrlVariable} and {EnvironmentConnections.ZammadTokenVariable}.";

        /// <summary>The connection to <paramref name="service"/>: <paramref name="given"/>, the default, or the environment's.</summary>
        public CaseOpsConnection Resolve(CaseOpsConnection? given, CaseOpsService service)
        {
            if (given != null)
                return Open(given);
            return Default(service) ?? Fail(new PSInvalidOperationException($"Not connected to {service}. " + ConnectHint(service)), "NotConnected");
        }

        /// <summary>
        /// For a command that works on either service (Invoke-CaseOpsRequest without -Service): the one that is
        /// connected or configured; both is ambiguous and an error.
        /// </summary>
        public CaseOpsConnection ResolveEither(CaseOpsConnection? given)
        {
            if (given != null)
                return Open(given);
            var incydr = IsAvailable(CaseOpsService.Incydr);
            var zammad = IsAvailable(CaseOpsService.Zammad);
            if (incydr && zammad)
                Fail(new PSInvalidOperationException(
                    "Both Incydr and Zammad are connected (or configured by environment variables), so it is not clear which one the request is for. "
                    + "Add -Service Incydr or -Service Zammad, or pass -Connection."), "ServiceNotSpecified", ErrorCategory.InvalidArgument);
            if (incydr || zammad)
                return Resolve(null, incydr ? CaseOpsService.Incydr : CaseOpsService.Zammad);
            return Fail(new PSInvalidOperationException(
                "Not connected to Incydr or Zammad. Run Connect-Incydr or Connect-Zammad first, pass -Connection, or set "
                + $"{EnvironmentConnections.IncydrUrlVariable}, {EnvironmentConnections.IncydrClientIdVariable} and {EnvironmentConnections.IncydrClientSecretVariable}, "
                + $"or {EnvironmentConnections.ZammadUrlVariable} and {EnvironmentConnections.ZammadTokenVariable}."), "NotConnected");
        }

        /// <summary>True when a default connection to <paramref name="service"/> exists or the environment variables configure one.</summary>
        internal static bool IsAvailable(CaseOpsService service) =>
            ConnectionRegistry.Get(service) != null || EnvironmentConnections.IsConfigured(service);

        private CaseOpsConnection Open(CaseOpsConnection given)
        {
            if (given.IsClosed)
                Fail(new PSInvalidOperationException($"The connection {given} was closed by Disconnect-CaseOps. Run Connect-{given.Service} again."),
                    "ConnectionClosed", target: given);
            return given;
        }

        // The registry is read and written here, on the pipeline thread: its slots are per runspace.
        private CaseOpsConnection? Default(CaseOpsService service)
        {
            if (ConnectionRegistry.Get(service) is { } current)
                return current;
            CaseOpsConnection? made = null;
            try
            {
                made = _cmdlet.Await(EnvironmentConnections.CreateAsync(service, _cmdlet.RequestLog, _cmdlet.CancellationToken));
            }
            catch (CaseOpsApiException ex)
            {
                // Only a Zammad connection asks the server when it is made (users/me); Incydr's fetches its token on first use.
                _cmdlet.ThrowTerminatingError(ErrorRecordFactory.FromApi(ex,
                    new ErrorContext("The Zammad connection from " + EnvironmentConnections.ZammadTokenVariable, "NotConnected", EnvironmentConnections.ZammadUrl), null));
            }
            if (made != null)
                ConnectionRegistry.Set(made);
            return made;
        }

        private CaseOpsConnection Fail(Exception exception, string errorId, ErrorCategory category = ErrorCategory.InvalidOperation, object? target = null)
        {
            _cmdlet.ThrowTerminatingError(new ErrorRecord(exception, errorId, category, target));
            return null!; // not reached: ThrowTerminatingError throws
        }
    }
}
