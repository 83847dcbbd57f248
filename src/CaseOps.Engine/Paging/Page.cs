namespace CaseOps.Paging
{
    /// <summary>One page of a listing as the service parsed it.</summary>
    public sealed class Page<T>
    {
        public Page(IReadOnlyList<T> items, long? totalCount)
        {
            Items = items;
            TotalCount = totalCount;
        }

        public IReadOnlyList<T> Items { get; }

        /// <summary>All matches on the server, where the API reports it (Incydr); null otherwise.</summary>
        public long? TotalCount { get; }
    }
}
