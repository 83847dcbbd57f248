using CaseOps.Http;

namespace CaseOps.Cmdlets.Connection
{
    /// <summary>What Connect-Incydr and Connect-Zammad share: HTTP settings and argument errors.</summary>
    public abstract class ConnectCommandBase : CaseOpsCmdlet
    {
        /// <summary>Retries of a failed request (429, 5xx, timeouts) before it is reported.</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetries { get; set; } = 4;

        /// <summary>Seconds one attempt of a request may take.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 100;

        /// <summary>
        /// Requests of the connection in flight at once, shared by every command and runspace that uses it
        /// (docs/architecture.md, "Connections").
        /// </summary>
        [Parameter]
        [ValidateRange(1, ApiClientOptions.MostConcurrency)]
        public int MaxConcurrency { get; set; } = ApiClientOptions.DefaultMaxConcurrency;

        private protected ApiClientOptions ClientOptions(Uri baseUri) =>
            new ApiClientOptions(baseUri) { MaxRetries = MaxRetries, Timeout = TimeSpan.FromSeconds(TimeoutSec), MaxConcurrency = MaxConcurrency };

        private protected void Fail(string id, ErrorCategory category, string message, object? target) =>
            ThrowTerminatingError(new ErrorRecord(new ArgumentException(message), id, category, target));
    }
}
