namespace CaseOps.Paging
{
    /// <summary>Why a <see cref="PageStream{T}"/> could not finish a listing (docs/architecture.md, "Paging").</summary>
    public enum ListingFault
    {
        /// <summary>A page held fewer items than its own total implies, before the last page.</summary>
        ShortPage,

        /// <summary>A page held more items than its own total leaves for it.</summary>
        BeyondTotal,

        /// <summary>A page held more items than were asked for.</summary>
        OversizedPage,

        /// <summary>A page held only items already listed: the server answered an earlier page again.</summary>
        RepeatedPage,

        /// <summary>Every page agreed with its total, but the listing ended with fewer distinct items than the unchanged total.</summary>
        EndedBelowTotal,
    }

    /// <summary>
    /// The server's pages do not add up to a complete listing, and the total did not change in a way that
    /// explains it (docs/contracts/incydr.md, "Broken answers"). The items before the fault were handed out;
    /// the listing ends here.
    /// </summary>
    public sealed class ListingIncompleteException : Exception
    {
        public ListingIncompleteException(string message, ListingFault fault, int? pageNumber, long? expected, long received, long repeated)
            : base(message)
        {
            Fault = fault;
            PageNumber = pageNumber;
            Expected = expected;
            Received = received;
            Repeated = repeated;
        }

        public ListingFault Fault { get; }

        /// <summary>The page that showed the fault; null when only the end of the listing did.</summary>
        public int? PageNumber { get; }

        /// <summary>The items the listing should have handed out (after -Skip, up to -First), when a total was known.</summary>
        public long? Expected { get; }

        /// <summary>The distinct items handed out before the listing ended.</summary>
        public long Received { get; }

        /// <summary>Items left out because an earlier page had already handed them out.</summary>
        public long Repeated { get; }
    }
}
