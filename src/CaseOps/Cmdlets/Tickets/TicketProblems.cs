using System.Globalization;
using CaseOps.Zammad;

namespace CaseOps.Cmdlets.Tickets
{
    /// <summary>How Zammad failures about tickets are reported.</summary>
    internal static class TicketProblems
    {
        /// <summary>An error about ticket <paramref name="id"/>: named "Ticket 42", TicketNotFound when it is missing.</summary>
        public static ErrorContext About(long id, object? target = null) =>
            new ErrorContext("Ticket " + id.ToString(CultureInfo.InvariantCulture), "TicketNotFound", target ?? id);

        /// <summary>An unknown group, state, priority or owner name: nothing was sent.</summary>
        public static ErrorRecord UnknownName(ZammadLookupException ex, object? target)
        {
            var id = "Unknown" + ex.Kind;
            return new ErrorRecord(ex, id, ErrorCategory.InvalidArgument, target ?? ex.Value)
            {
                ErrorDetails = new ErrorDetails(ex.Message)
                {
                    RecommendedAction = "Use one of the valid values; tab completion offers them.",
                },
            };
        }
    }
}
