namespace CaseOps.Http
{
    /// <summary>
    /// Where the Http core reports what it does. Cmdlets forward it to their verbose and debug
    /// streams; C# callers may pass <see cref="RequestLog.None"/>. Implementations must be thread-safe:
    /// requests complete on thread-pool threads.
    /// </summary>
    public interface IRequestLog
    {
        /// <summary>One short line per request attempt: method, URL, status, milliseconds; retries.</summary>
        void Verbose(string message);

        /// <summary>Request and response bodies, already redacted.</summary>
        void Debug(string message);

        bool IsDebugEnabled { get; }
    }

    public static class RequestLog
    {
        public static IRequestLog None { get; } = new NullRequestLog();

        private sealed class NullRequestLog : IRequestLog
        {
            public void Verbose(string message) { }
            public void Debug(string message) { }
            public bool IsDebugEnabled => false;
        }
    }
}
