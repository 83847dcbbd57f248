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

    /// <summary>
    /// A log that can also warn: something went wrong and CaseOps went on another way the user should know
    /// about (a token renewal failed and the current token is used). A separate interface, so logs that
    /// only know <see cref="IRequestLog"/> keep working; they get the warning as a verbose line.
    /// </summary>
    public interface IRequestWarningLog
    {
        void Warning(string message);
    }

    public static class RequestLog
    {
        public static IRequestLog None { get; } = new NullRequestLog();

        /// <summary>Writes a warning where <paramref name="log"/> can show one, else a verbose line.</summary>
        public static void Warning(this IRequestLog log, string message)
        {
            if (log is IRequestWarningLog warnings)
                warnings.Warning(message);
            else
                log.Verbose("WARNING: " + message);
        }

        private sealed class NullRequestLog : IRequestLog
        {
            public void Verbose(string message) { }
            public void Debug(string message) { }
            public bool IsDebugEnabled => false;
        }
    }
}
