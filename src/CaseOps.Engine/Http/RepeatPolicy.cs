using System.Net.Sockets;
using RestSharp;

namespace CaseOps.Http
{
    /// <summary>
    /// Whether a request may be sent again after an attempt whose outcome the client did not learn,
    /// and what a later answer then means. Every retry rule lives here (docs/architecture.md,
    /// "Retries"): the service that builds a request names its policy (<see cref="ApiRequest"/>);
    /// a plain <see cref="RestRequest"/> gets <see cref="For(Method)"/>.
    /// </summary>
    public sealed class RepeatPolicy
    {
        /// <summary>Sending it twice leaves the server as sending it once: reads, updates that set fields, idempotent adds and removes.</summary>
        public static readonly RepeatPolicy Repeatable = new RepeatPolicy(nameof(Repeatable), repeatable: true, notFoundMeansDone: false);

        /// <summary>
        /// Repeatable, and a 404 after an earlier attempt that may have reached the server means that
        /// attempt did the work: deleting a resource by its address.
        /// </summary>
        public static readonly RepeatPolicy RepeatableWhere404MeansDone = new RepeatPolicy(nameof(RepeatableWhere404MeansDone), repeatable: true, notFoundMeansDone: true);

        /// <summary>
        /// Sent again only after a 429, which proves the server did not act on it; after a lost answer
        /// its outcome is unknown.
        /// </summary>
        public static readonly RepeatPolicy NotRepeatable = new RepeatPolicy(nameof(NotRepeatable), repeatable: false, notFoundMeansDone: false);

        private readonly bool _repeatable;
        private readonly bool _notFoundMeansDone;

        private RepeatPolicy(string name, bool repeatable, bool notFoundMeansDone)
        {
            Name = name;
            _repeatable = repeatable;
            _notFoundMeansDone = notFoundMeansDone;
        }

        /// <summary>The policy's name, as the docs use it.</summary>
        public string Name { get; }

        /// <summary>
        /// The default for a request that names no policy: what HTTP promises for its method. GET,
        /// HEAD, OPTIONS and PUT are repeatable, DELETE is repeatable with 404 meaning done, POST and
        /// PATCH are not repeatable.
        /// </summary>
        public static RepeatPolicy For(Method method)
        {
            switch (method)
            {
                case Method.Get:
                case Method.Head:
                case Method.Options:
                case Method.Put:
                    return Repeatable;
                case Method.Delete:
                    return RepeatableWhere404MeansDone;
                default:
                    return NotRepeatable;
            }
        }

        /// <summary>The policy <paramref name="request"/> was built with, else its method's default.</summary>
        public static RepeatPolicy Of(RestRequest request) =>
            (request ?? throw new ArgumentNullException(nameof(request))) is ApiRequest named ? named.Repeat : For(request.Method);

        /// <summary>Whether the request may be sent again after <paramref name="response"/>.</summary>
        internal bool MayRetryAfter(RestResponse response) =>
            (int)response.StatusCode == 429 || (_repeatable && IsTransient(response));

        /// <summary>Whether <paramref name="final"/>, an error answer, still means the request's work is done.</summary>
        internal bool CountsAsDone(RestResponse final, bool earlierAttemptMayHaveActed) =>
            _notFoundMeansDone && earlierAttemptMayHaveActed && (int)final.StatusCode == 404;

        /// <summary>
        /// Whether <paramref name="final"/> leaves it open whether the server acted: no answer came to
        /// a request that was not sent again and may have reached the server.
        /// </summary>
        internal bool LeavesOutcomeUnknown(RestResponse final) =>
            !_repeatable && IsTransportFailure(final) && !NeverSent(final);

        /// <summary>Whether an attempt that got <paramref name="response"/> may have changed something on the server.</summary>
        internal static bool MayHaveActed(RestResponse response) =>
            IsTransient(response) && (int)response.StatusCode != 429 && !NeverSent(response);

        // A refused connection or an unknown host: the request never left this machine. Not a reason
        // to send a request that is not repeatable again (the rule stays "only after 429"), but no
        // doubt about its outcome either.
        private static bool NeverSent(RestResponse response)
        {
            if (!IsTransportFailure(response))
                return false;
            for (var ex = response.ErrorException; ex != null; ex = ex.InnerException)
            {
                if (ex is SocketException socket
                    && (socket.SocketErrorCode == SocketError.ConnectionRefused || socket.SocketErrorCode == SocketError.HostNotFound))
                    return true;
            }
            return false;
        }

        // RestSharp reports ResponseStatus.Error for HTTP error statuses too: a transport failure is
        // one without any status.
        internal static bool IsTransportFailure(RestResponse response) =>
            response.StatusCode == 0
            && (response.ResponseStatus == ResponseStatus.TimedOut || response.ResponseStatus == ResponseStatus.Error);

        private static bool IsTransient(RestResponse response)
        {
            var status = (int)response.StatusCode;
            return IsTransportFailure(response) || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
        }

        /// <inheritdoc/>
        public override string ToString() => Name;
    }
}
