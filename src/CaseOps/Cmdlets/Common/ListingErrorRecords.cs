using CaseOps.Paging;

namespace CaseOps.Cmdlets.Common
{
    /// <summary>
    /// The record for a listing whose pages did not add up (docs/architecture.md, "Errors" and "Paging"):
    /// one id for every such fault, the page and the counts in the message.
    /// </summary>
    internal static class ListingErrorRecords
    {
        public const string IncompleteId = "ListingIncomplete";

        /// <summary>
        /// <c>ListingIncomplete</c>, category InvalidResult: the server answered, but its pages contradict
        /// their total or each other, so the listing is not the whole set. Repeated pages use the same id;
        /// the message tells them apart.
        /// </summary>
        public static ErrorRecord Incomplete(ListingIncompleteException ex, string activity, object? target) =>
            new ErrorRecord(ex, IncompleteId, ErrorCategory.InvalidResult, target)
            {
                ErrorDetails = new ErrorDetails(activity + ": the listing is incomplete. " + ex.Message)
                {
                    RecommendedAction = "The items written so far are correct but not all of them. Run the command again; "
                        + "if it keeps happening, the server pages inconsistently: run it with -Debug and report the pages it shows.",
                },
            };
    }
}
