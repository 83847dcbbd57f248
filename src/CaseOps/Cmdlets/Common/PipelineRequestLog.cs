using System.Collections.Concurrent;
using System.Threading;
using CaseOps.Http;

namespace CaseOps.Cmdlets.Common
{
    /// <summary>
    /// Collects log lines from any thread and hands them to the cmdlet's verbose and debug streams
    /// on the pipeline thread (PowerShell refuses writes from other threads). Its signal also wakes
    /// the waiting pipeline thread when a task completes.
    /// </summary>
    // Not disposed with the cmdlet: requests still being cancelled may log after the command ended, and a
    // SemaphoreSlim used without its wait handle holds nothing that needs disposing.
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "See the comment above.")]
    internal sealed class PipelineRequestLog : IRequestLog, IRequestWarningLog
    {
        private readonly ConcurrentQueue<(LogLine Kind, string Text)> _lines = new ConcurrentQueue<(LogLine, string)>();
        private readonly SemaphoreSlim _signal = new SemaphoreSlim(0);

        public PipelineRequestLog(bool debugEnabled) => IsDebugEnabled = debugEnabled;

        public bool IsDebugEnabled { get; }

        public void Verbose(string message)
        {
            _lines.Enqueue((LogLine.Verbose, message));
            _signal.Release();
        }

        /// <summary>A warning the engine raises (docs/architecture.md, "Errors"); it reaches the warning stream.</summary>
        public void Warning(string message)
        {
            _lines.Enqueue((LogLine.Warning, message));
            _signal.Release();
        }

        public void Debug(string message)
        {
            if (!IsDebugEnabled)
                return;
            _lines.Enqueue((LogLine.Debug, message));
            _signal.Release();
        }

        public void Signal() => _signal.Release();

        public void Wait() => _signal.Wait();

        /// <summary>Waits for a line or a signal; false when <paramref name="timeout"/> passed first.</summary>
        public bool Wait(System.TimeSpan timeout) => _signal.Wait(timeout);

        private enum LogLine { Verbose, Debug, Warning }

        public void DrainTo(CaseOpsCmdlet cmdlet)
        {
            while (_lines.TryDequeue(out var line))
            {
                if (line.Kind == LogLine.Debug) cmdlet.WriteDebug(line.Text);
                else if (line.Kind == LogLine.Warning) cmdlet.WriteWarning(line.Text);
                else cmdlet.WriteVerboseLine(line.Text);
            }
        }
    }
}
