namespace CaseOps.Paging
{
    public sealed class PageStreamOptions
    {
        public int PageSize { get; set; } = 100;

        /// <summary>Items to leave out at the start of the listing (<c>-Skip</c>); whole pages are not fetched.</summary>
        public long Skip { get; set; }

        /// <summary>Items to return at most (<c>-First</c>); pages beyond are not fetched. Null: all.</summary>
        public long? First { get; set; }

        /// <summary>
        /// Pages requested ahead of the one being written, once the API reported a total. The window
        /// opens one page at a time as pages are consumed, so a consumer that stops early costs little.
        /// </summary>
        public int MaxPagesAhead { get; set; } = 4;

        /// <summary>
        /// The caller wants <see cref="PageStream{T}.TotalCount"/> even when <see cref="First"/> is 0
        /// (<c>-IncludeTotalCount -First 0</c> counts without listing): one item is fetched to learn it.
        /// </summary>
        public bool NeedTotalCount { get; set; }

        /// <summary>
        /// Checks that every page agrees with its total and with the page size, and that the listing adds up
        /// (docs/contracts/incydr.md, "Broken answers"). Off only where the paging itself is guessed
        /// (<c>Invoke-CaseOpsRequest -All</c>, which also pages endpoints that ignore the paging parameters).
        /// </summary>
        public bool VerifyCounts { get; set; } = true;
    }
}
