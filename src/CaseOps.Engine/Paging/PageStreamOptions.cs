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
        /// The most pages in flight ahead of the one being written (docs/architecture.md, "Paging", "The
        /// window"), and so the memory a listing holds: this many pages plus the one being written. The
        /// window opens to 1 with the first item, so a consumer that stops within the first page costs at
        /// most one page ahead, and to this many once a whole page was used. The connection's own limit
        /// may allow fewer at once.
        /// </summary>
        public int MaxPagesInFlight { get; set; } = 16;

        /// <summary>
        /// Without a total or -First, asks ahead anyway while pages come back full, and cancels the rest at
        /// the first short page. For APIs whose pages beyond the end are cheap, empty answers (Zammad,
        /// docs/contracts/zammad.md, "Paging"); it costs at most <see cref="MaxPagesInFlight"/> − 1 requests
        /// past the end of a listing. Off: without a total, one page at a time.
        /// </summary>
        public bool AskAheadWithoutTotal { get; set; }

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

        /// <summary>A copy, for a service that adjusts the caller's options for its API.</summary>
        public PageStreamOptions Clone() => (PageStreamOptions)MemberwiseClone();
    }
}
