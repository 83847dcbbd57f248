using RestSharp;

namespace CaseOps.Http
{
    /// <summary>
    /// A request that names its own <see cref="RepeatPolicy"/>, for the ones whose safety to repeat
    /// is not what their method suggests (docs/architecture.md, "Retries").
    /// </summary>
    public sealed class ApiRequest : RestRequest
    {
        public ApiRequest(string resource, Method method, RepeatPolicy repeat, string? outcomeCheck = null)
            : base(resource, method)
        {
            Repeat = repeat;
            OutcomeCheck = outcomeCheck;
        }

        /// <summary>Whether and when the request may be sent again.</summary>
        public RepeatPolicy Repeat { get; }

        /// <summary>
        /// How the user can see whether the request took effect, a sentence. A request that is not
        /// repeatable and names one is reported as of unknown outcome when its answer is lost
        /// (<see cref="CaseOpsApiException.OutcomeUnknown"/>); without one, as a failure.
        /// </summary>
        public string? OutcomeCheck { get; }
    }
}
