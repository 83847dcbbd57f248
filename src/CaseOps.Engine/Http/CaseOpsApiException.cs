namespace CaseOps.Http
{
    /// <summary>
    /// The one exception the Http core raises for a failed API call: an HTTP error status,
    /// or a transport failure (status 0) once retries are exhausted.
    /// </summary>
    public sealed class CaseOpsApiException : Exception
    {
        public CaseOpsApiException(string message, int statusCode, string? errorCode, string? serverMessage,
            string? requestId, string method, string resource, Exception? innerException = null)
            : base(ServerText.Cap(message, ServerText.MaxMessageLength), innerException)
        {
            StatusCode = statusCode;
            ErrorCode = errorCode;
            ServerMessage = serverMessage;
            RequestId = requestId;
            Method = method;
            Resource = resource;
        }

        /// <summary>HTTP status; 0 when no response arrived (timeout, refused or dropped connection).</summary>
        public int StatusCode { get; }

        /// <summary>The API's machine-readable code, e.g. Incydr's <c>NAME_EXISTS</c>.</summary>
        public string? ErrorCode { get; }

        /// <summary>The API's human-readable error text.</summary>
        public string? ServerMessage { get; }

        /// <summary>The request id the server reported (or the one the client sent).</summary>
        public string? RequestId { get; }

        public string Method { get; }

        /// <summary>The request path without host (never carries credentials).</summary>
        public string Resource { get; }

        /// <summary>
        /// True when no answer came to a request that is not safe to repeat, may have reached the
        /// server and says how to check it (<see cref="ApiRequest.OutcomeCheck"/>): it was not sent
        /// again, whether it took effect is unknown, and the message says how to find out.
        /// </summary>
        public bool OutcomeUnknown { get; internal set; }

        /// <summary>
        /// The service refused the credentials themselves (Incydr's token endpoint answered 400, 401 or
        /// 403): an authentication failure, whatever <see cref="StatusCode"/> says. The status is kept as
        /// it came, never rewritten to steer the error mapping.
        /// </summary>
        public bool CredentialsRefused { get; internal set; }

        /// <summary>
        /// The address answered 404 where the service's API must be (Zammad's users/me, Incydr's token
        /// endpoint): there is no such API there, the URL is wrong (docs/architecture.md, "Errors").
        /// </summary>
        public bool ApiNotFound { get; internal set; }

        /// <summary>
        /// The request was not sent: the value of this header has a character HTTP cannot carry (only
        /// printable ASCII can be sent). Null for requests that were sent.
        /// </summary>
        public string? InvalidHeader { get; internal set; }

        /// <summary>
        /// For an answer with a 2xx status that could not be trusted (error id InvalidResponse): the JSON
        /// path of the member at fault, e.g. <c>cases[3].number</c>, or <c>(root)</c>.
        /// </summary>
        public string? Member { get; internal set; }

        /// <summary>The answer as it came (status, headers, body), when one came; for callers that want it raw.</summary>
        internal RestSharp.RestResponse? Response { get; set; }
    }
}
