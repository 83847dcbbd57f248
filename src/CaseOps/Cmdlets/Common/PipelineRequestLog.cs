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
    internal sealed class PipelineRequestLog : IRequestLog
    {
        private readonly ConcurrentQueue<(bool Debug, string Text)> _lines = new ConcurrentQueue<(bool, string)>();
        private readonly SemaphoreSlim _signal = new SemaphoreSlim(0);

        public PipelineRequestLog(bool debugEnabled) => IsDebugEnabled = debugEnabled;

        public bool IsDebugEnabled { get; }

        public void Verbose(string message)
        {
            _lines.Enqueue((false, message));
            _signal.Release();
        }

        public void Debug(string message)
        {
            if (!IsDebugEnabled)
                return;
            _lines.Enqueue((true, message));
            _signal.Release();
        }

        public void Signal() => _signal.Release();

        public void Wait() => _signal.Wait();

        /// <summary>Waits for a line or a signal; false when <paramref name="timeout"/> passed first.</summary>
        public bool Wait(System.TimeSpan timeout) => _signal.Wait(timeout);

        public void DrainTo(CaseOpsCmdlet cmdlet)
        {
            while (_lines.TryDequeue(out var line))
            {
                if (line.Debug) cmdlet.WriteDebug(line.Text);
                else cmdlet.WriteVerboseLine(line.Text);
            }
        }
    }
}
