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

        /// <summary>Upper bound for any single wait, including a server's Retry-After.</summary>
        public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);
    }
}
