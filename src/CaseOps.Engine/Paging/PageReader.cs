namespace CaseOps.Paging
{
    /// <summary>
    /// A cursor over a <see cref="PageStream{T}"/> for callers that block instead of awaiting (the
    /// cmdlets). It speaks plain <see cref="Task"/>, so the cmdlet assembly needs none of the
    /// async-interface types that on .NET Framework come from a package (docs/architecture.md,
    /// "Assemblies and load contexts").
    /// </summary>
    public sealed class PageReader<T>
    {
        private static readonly Task<bool> HasItem = Task.FromResult(true);
        private static readonly Task<bool> AtEnd = Task.FromResult(false);
        private readonly IAsyncEnumerator<T> _items;

        internal PageReader(IAsyncEnumerator<T> items) => _items = items;

        /// <summary>The item the last successful <see cref="MoveNextAsync"/> moved to.</summary>
        public T Current => _items.Current;

        /// <summary>Moves to the next item; a completed task when the item is already buffered.</summary>
        public Task<bool> MoveNextAsync()
        {
            var next = _items.MoveNextAsync();
            if (next.IsCompletedSuccessfully)
                return next.Result ? HasItem : AtEnd;
            return next.AsTask();
        }

        /// <summary>Ends the listing: cancels the pages still in flight and waits for them.</summary>
        public Task DisposeAsync() => _items.DisposeAsync().AsTask();
    }
}
