namespace CaseOps.Http
{
    /// <summary>Per-connection HTTP settings.</summary>
    public sealed class ApiClientOptions
    {
        public ApiClientOptions(Uri baseUri) => BaseUri = baseUri;

        public Uri BaseUri { get; }

        /// <summary>Time allowed for one attempt of one request.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

        /// <summary>Retries after the first attempt for transient failures (429, 5xx gateway errors, timeouts).</summary>
        public int MaxRetries { get; set; } = 4;

        /// <summary>First backoff delay; doubles each retry, with jitter. Ignored when the server sends Retry-After.</summary>
        public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>The default of <see cref="MaxConcurrency"/> (docs/architecture.md, "Connections").</summary>
        public const int DefaultMaxConcurrency = 8;

        /// <summary>The largest <see cref="MaxConcurrency"/> accepted.</summary>
        public const int MostConcurrency = 64;

        /// <summary>
        /// Requests of this connection in flight at once, shared by every command and runspace that uses it.
        /// </summary>
        public int MaxConcurrency { get; set; } = DefaultMaxConcurrency;

        /// <summary>Upper bound for any single wait, including a server's Retry-After.</summary>
        public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);
    }
}
