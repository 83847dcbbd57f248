using CaseOps.Http;

namespace CaseOps.Threading
{
    /// <summary>
    /// Work that belongs to a connection rather than to the caller that started it (docs/architecture.md,
    /// "Connections"): it runs on the owner's token and logs to a <see cref="RecordingRequestLog"/>; each
    /// caller waits with its own token and, once the work is done, receives its log lines. A caller that gives
    /// up ends only its own wait.
    /// </summary>
    internal sealed class SharedWork<T>
    {
        private readonly RecordingRequestLog _lines = new RecordingRequestLog();

        public SharedWork(Func<IRequestLog, CancellationToken, Task<T>> work, CancellationToken ownerToken) =>
            Task = System.Threading.Tasks.Task.Run(() => work(_lines, ownerToken));

        public Task<T> Task { get; }

        /// <summary>True once the work failed or was cancelled: its owner forgets it, so the next caller starts it again.</summary>
        public bool Failed => Task.IsFaulted || Task.IsCanceled;

        /// <summary>The result; the lines the work logged go to <paramref name="log"/> when this caller saw it end.</summary>
        public async Task<T> WaitAsync(IRequestLog log, CancellationToken cancellationToken)
        {
            if (Task.Status == TaskStatus.RanToCompletion)
                return Task.Result;
            if (log.IsDebugEnabled)
                _lines.EnableDebug();
            try
            {
                return await TaskWaits.WaitAsync(Task, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (Task.IsCompleted)
                    _lines.CopyTo(log);
            }
        }

        /// <summary>Calls <paramref name="forget"/> if the work fails or is cancelled, observing its exception.</summary>
        public SharedWork<T> OnFailure(Action forget)
        {
            Task.ContinueWith(t => { _ = t.Exception; forget(); }, CancellationToken.None,
                TaskContinuationOptions.NotOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return this;
        }
    }
}
