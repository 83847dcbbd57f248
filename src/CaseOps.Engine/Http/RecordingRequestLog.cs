using System.Collections.Concurrent;

namespace CaseOps.Http
{
    /// <summary>
    /// A log that belongs to no pipeline, for work shared by several callers (docs/architecture.md,
    /// "Connections"): the work writes here, and each caller that waited for it copies the lines into its own
    /// log afterwards, so no caller's pipeline receives another's lines and none misses the requests its
    /// answer came from.
    /// </summary>
    internal sealed class RecordingRequestLog : IRequestLog, IRequestWarningLog
    {
        private readonly ConcurrentQueue<(LogLine Kind, string Text)> _lines = new ConcurrentQueue<(LogLine, string)>();
        private volatile bool _debugEnabled;

        /// <summary>False until a waiter that wants bodies (<c>-Debug</c>) arrives; the Http core asks per request.</summary>
        public bool IsDebugEnabled => _debugEnabled;

        public void EnableDebug() => _debugEnabled = true;

        public void Verbose(string message) => _lines.Enqueue((LogLine.Verbose, message));

        public void Debug(string message)
        {
            if (_debugEnabled)
                _lines.Enqueue((LogLine.Debug, message));
        }

        public void Warning(string message) => _lines.Enqueue((LogLine.Warning, message));

        private enum LogLine { Verbose, Debug, Warning }

        /// <summary>Writes the lines recorded so far to <paramref name="log"/> (debug lines only where it wants them).</summary>
        public void CopyTo(IRequestLog log)
        {
            foreach (var (kind, text) in _lines)
            {
                if (kind == LogLine.Verbose)
                    log.Verbose(text);
                else if (kind == LogLine.Warning)
                    log.Warning(text);
                else if (log.IsDebugEnabled)
                    log.Debug(text);
            }
        }
    }
}
