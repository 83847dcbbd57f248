using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using CaseOps.Http;
using CaseOps.Paging;

namespace CaseOps.Cmdlets.Common
{
    /// <summary>
    /// The one place where async service calls meet the synchronous pipeline (docs/architecture.md, "From a cmdlet to the wire and back"): a
    /// cancellation source made in BeginProcessing and cancelled in StopProcessing, waits that keep
    /// forwarding log lines, page streams written item by item, and API errors turned into records.
    /// </summary>
    public abstract class CaseOpsCmdlet : PSCmdlet, IDisposable
    {
        private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(300);
        private static int _nextActivityId; // one id per listing, so nested listings keep separate bars
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private PipelineRequestLog? _log;

        /// <summary>Cancelled when the cmdlet is stopped (Ctrl+C, <c>Select-Object -First</c>); the one token its calls take.</summary>
        protected internal CancellationToken CancellationToken => _cancellation.Token;

        internal IRequestLog RequestLog => _log ??= new PipelineRequestLog(IsDebugEnabled());

        protected override void StopProcessing() => _cancellation.Cancel();

        public void Dispose()
        {
            _cancellation.Dispose();
            GC.SuppressFinalize(this);
        }

        /// <summary>Blocks the pipeline thread on <paramref name="task"/>, writing log lines as they come.</summary>
        protected internal T Await<T>(Task<T> task)
        {
            WaitPumping(task);
            try { return task.GetAwaiter().GetResult(); }
            catch (OperationCanceledException) when (_cancellation.IsCancellationRequested) { throw new PipelineStoppedException(); }
        }

        protected internal void Await(Task task)
        {
            WaitPumping(task);
            try { task.GetAwaiter().GetResult(); }
            catch (OperationCanceledException) when (_cancellation.IsCancellationRequested) { throw new PipelineStoppedException(); }
        }

        /// <summary>Like <see cref="Await{T}(Task{T})"/>, calling <paramref name="onTick"/> on the pipeline thread a few times a second (for progress).</summary>
        internal T Await<T>(Task<T> task, Action onTick)
        {
            WaitPumping(task, onTick);
            try { return task.GetAwaiter().GetResult(); }
            catch (OperationCanceledException) when (_cancellation.IsCancellationRequested) { throw new PipelineStoppedException(); }
        }

        /// <summary>
        /// Waits for <paramref name="task"/>, writing log lines as they come. Stop wakes the wait too; a task
        /// still running half a second later is left behind (its failure observed) with
        /// <see cref="PipelineStoppedException"/>, so a callee that ignores the token cannot keep Ctrl+C waiting
        /// (docs/architecture.md, "From a cmdlet to the wire and back").
        /// </summary>
        private void WaitPumping(Task task, Action? onTick = null)
        {
            var log = (PipelineRequestLog)RequestLog;
            if (!task.IsCompleted)
            {
                task.ContinueWith(_ => log.Signal(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                Stopwatch? sinceStop = null;
                // Runs at once when the stop came before the wait began.
                using (CancellationToken.Register(log.Signal))
                {
                    while (!task.IsCompleted)
                    {
                        if (CancellationToken.IsCancellationRequested)
                        {
                            if (sinceStop == null)
                            {
                                sinceStop = Stopwatch.StartNew();
                                task.ContinueWith(t => _ = t.Exception, CancellationToken.None,
                                    TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                            }
                            // A callee that honours the token ends within moments, after its own clean-up.
                            var grace = TimeSpan.FromMilliseconds(500) - sinceStop.Elapsed;
                            if (grace <= TimeSpan.Zero)
                                throw new PipelineStoppedException();
                            _ = log.Wait(grace);
                        }
                        else if (onTick == null)
                            log.Wait();
                        else if (!log.Wait(ProgressInterval))
                            onTick();
                        log.DrainTo(this);
                    }
                }
            }
            log.DrainTo(this);
        }

        /// <summary>
        /// Writes every item of <paramref name="stream"/> as it arrives. A downstream stop
        /// (<c>Select-Object -First</c>) surfaces from WriteObject as an exception; the finally block
        /// then disposes the stream, which cancels the pages still in flight. Pages that do not add up
        /// end the listing with a non-terminating <c>ListingIncomplete</c> after the items already written,
        /// so they stay in the caller's variable under any -ErrorAction but Stop (docs/architecture.md, "Paging").
        /// </summary>
        protected void WriteStream<T>(PageStream<T> stream, string activity, bool includeTotalCount, Func<T, object>? project = null, object? target = null) =>
            ConsumeStream(stream, activity, includeTotalCount, item => WriteObject(project == null ? item : project(item)), target);

        /// <summary>
        /// <see cref="WriteStream{T}"/> with each item handed to <paramref name="consume"/> instead of written
        /// (a command that works on a listing it reads itself, such as Sync-CaseTicket).
        /// </summary>
        protected void ConsumeStream<T>(PageStream<T> stream, string activity, bool includeTotalCount, Action<T> consume, object? target = null)
        {
            var enumerator = stream.OpenReader(CancellationToken);
            var totalWritten = false;
            var progress = new ProgressRecord(Interlocked.Increment(ref _nextActivityId), activity, "Fetching the first page");
            var progressShown = false;
            var lastProgress = Stopwatch.StartNew();
            var driftWarned = false;
            long written = 0;

            // Drift (items added or removed while listing) is a warning, not an error: the listing goes on.
            void WarnOfDrift()
            {
                if (driftWarned || !stream.TotalCountChanged)
                    return;
                WriteWarning($"The number of matches changed from {stream.InitialTotalCount} to {stream.TotalCount} during the listing, so some items may be missed. "
                    + "When a pipeline changes what it lists, collect the listing first by wrapping it in @( ), e.g. @(Get-Case -Status Open) | Set-Case -Status Closed.");
                driftWarned = true;
            }

            try
            {
                while (true)
                {
                    var next = enumerator.MoveNextAsync();
                    bool hasItem;
                    try
                    {
                        hasItem = next.Status == TaskStatus.RanToCompletion ? next.Result : Await(next);
                    }
                    catch (ListingIncompleteException ex)
                    {
                        WarnOfDrift();
                        WriteError(ListingErrorRecords.Incomplete(ex, activity, target));
                        break;
                    }
                    if (includeTotalCount && !totalWritten)
                    {
                        WriteObject(PagingParameters.NewTotalCount((ulong)(stream.TotalCount ?? 0), stream.TotalCount.HasValue ? 1.0 : 0.0));
                        totalWritten = true;
                    }
                    if (!hasItem)
                        break;
                    consume(enumerator.Current);
                    written++;
                    WarnOfDrift();
                    if (stream.PagesReceived >= 3 && lastProgress.Elapsed >= ProgressInterval)
                    {
                        progress.StatusDescription = stream.TotalCount is long total
                            ? $"{written} of {total} ({stream.PagesReceived} pages)"
                            : $"{written} ({stream.PagesReceived} pages)";
                        progress.PercentComplete = stream.TotalCount is long t && t > 0 ? (int)Math.Min(100, written * 100 / t) : -1;
                        WriteProgress(progress);
                        progressShown = true;
                        lastProgress.Restart();
                    }
                }
            }
            finally
            {
                Await(enumerator.DisposeAsync());
                if (progressShown)
                {
                    progress.RecordType = ProgressRecordType.Completed;
                    WriteProgress(progress);
                }
            }
        }

        /// <summary>
        /// Writes a verbose line, or a debug line under <c>-Debug</c> without <c>-Verbose</c>: there
        /// PowerShell turns every verbose line of a compiled cmdlet into a prompt, which fails
        /// outright in a job or runbook.
        /// </summary>
        internal void WriteVerboseLine(string text)
        {
            if (IsBound("Debug") && !IsBound("Verbose"))
                WriteDebug(text);
            else
                WriteVerbose(text);
        }

        /// <summary>ShouldProcess, skipped by -Force unless -WhatIf or -Confirm was given explicitly (they still win).</summary>
        protected internal bool ShouldProcess(string target, string action, SwitchParameter force) =>
            (force.IsPresent && !IsBound("WhatIf") && !IsBound("Confirm")) || ShouldProcess(target, action);

        /// <summary>True when the user gave the parameter, even with $null or $false.</summary>
        protected internal bool IsBound(string parameterName) => MyInvocation.BoundParameters.ContainsKey(parameterName);

        /// <summary>
        /// Runs one item's work (calls through <see cref="Await{T}(Task{T})"/>, writes); when the API
        /// refuses, writes the error described by <paramref name="context"/> and returns false so the
        /// next item still runs. Authentication failures end the command instead.
        /// </summary>
        internal bool Attempt(Action work, ErrorContext context, ProblemCodeMap? problems = null) =>
            Attempt(work, ex => ErrorRecordFactory.FromApi(ex, context, problems));

        /// <summary>Like <see cref="Attempt(Action, ErrorContext, ProblemCodeMap)"/>, with a record chosen from the failure itself.</summary>
        internal bool Attempt(Action work, Func<CaseOpsApiException, ErrorRecord> describe)
        {
            try
            {
                work();
                return true;
            }
            catch (CaseOpsApiException ex)
            {
                WriteApiError(describe(ex));
                return false;
            }
        }

        /// <summary>Reports a failed API call: authentication failures end the command, the rest are per item.</summary>
        internal void WriteApiError(CaseOpsApiException ex, ErrorContext context, ProblemCodeMap? problems = null) =>
            WriteApiError(ErrorRecordFactory.FromApi(ex, context, problems));

        /// <summary>
        /// Writes <paramref name="record"/>, made from an API failure; a failure of the connection itself (refused
        /// credentials, no API at its address, a header it cannot send) ends the command: every item would meet it.
        /// </summary>
        internal void WriteApiError(ErrorRecord record)
        {
            if (record.CategoryInfo.Category == ErrorCategory.AuthenticationError
                || record.Exception is CaseOpsApiException { ApiNotFound: true } || record.Exception is CaseOpsApiException { InvalidHeader: not null })
                ThrowTerminatingError(record);
            WriteError(record);
        }

        /// <summary>Paging values of <c>-First</c>/<c>-Skip</c> as stream options.</summary>
        protected PageStreamOptions PagingOptions(int pageSize)
        {
            var options = new PageStreamOptions { PageSize = pageSize };
            if (PagingParameters != null)
            {
                options.NeedTotalCount = PagingParameters.IncludeTotalCount;
                options.Skip = (long)Math.Min(PagingParameters.Skip, long.MaxValue);
                if (PagingParameters.First != ulong.MaxValue)
                    options.First = (long)Math.Min(PagingParameters.First, long.MaxValue);
            }
            return options;
        }

        private bool IsDebugEnabled()
        {
            if (MyInvocation?.BoundParameters.TryGetValue("Debug", out var value) == true)
                return value is SwitchParameter s ? s.IsPresent : value is bool b && b;
            return GetVariableValue("DebugPreference") is ActionPreference preference
                && preference != ActionPreference.SilentlyContinue && preference != ActionPreference.Ignore;
        }
    }
}
