namespace CaseOps.Threading
{
    /// <summary>Waiting on work that is not the waiter's own (netstandard2.0 has no Task.WaitAsync).</summary>
    internal static class TaskWaits
    {
        /// <summary>
        /// The result of <paramref name="task"/>, or <see cref="OperationCanceledException"/> as soon as
        /// <paramref name="cancellationToken"/> is cancelled. Cancelling ends only this wait: the task goes on
        /// for whoever else waits on it.
        /// </summary>
        public static async Task<T> WaitAsync<T>(Task<T> task, CancellationToken cancellationToken)
        {
            if (!task.IsCompleted && cancellationToken.CanBeCanceled)
            {
                var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                using (cancellationToken.Register(state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), cancelled))
                {
                    if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
                        throw new OperationCanceledException(cancellationToken);
                }
            }
            return await task.ConfigureAwait(false);
        }
    }
}
