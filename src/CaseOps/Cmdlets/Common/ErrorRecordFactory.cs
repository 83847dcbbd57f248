using System.Globalization;
using CaseOps.Http;

namespace CaseOps.Cmdlets.Common
{
    /// <summary>What an API error is about: the object's name in messages, its not-found id, the target.</summary>
    internal sealed class ErrorContext
    {
        public ErrorContext(string subject, string notFoundId, object? target)
        {
            Subject = subject;
            NotFoundId = notFoundId;
            Target = target;
        }

        /// <summary>How messages name the object, e.g. "Case 42" or "Case 'USB exfiltration'".</summary>
        public string Subject { get; }
        public string NotFoundId { get; }
        public object? Target { get; }

        /// <summary>How the user finds out whether a request whose answer was lost took effect (a command to run); null for the general advice.</summary>
        public string? OutcomeCheck { get; set; }
    }

    /// <summary>The meaning of one API problem code: error id, category, and a message with {0} for the subject.</summary>
    internal sealed class KnownProblem
    {
        public KnownProblem(string id, ErrorCategory category, string messageFormat)
        {
            Id = id;
            Category = category;
            MessageFormat = messageFormat;
        }

        public string Id { get; }
        public ErrorCategory Category { get; }
        public string MessageFormat { get; }
    }

    /// <summary>Maps <see cref="CaseOpsApiException"/> to ErrorRecords with stable ids and categories (docs/architecture.md, "Errors").</summary>
    internal static class ErrorRecordFactory
    {
        private const string AuthenticationFailed = "AuthenticationFailed";
        private const string ReconnectAction = "Check the credentials and connect again.";

        /// <summary>True when the failure is about the credentials: refused by a token endpoint, or a 401 answer.</summary>
        public static bool IsAuthenticationFailure(CaseOpsApiException ex) => ex.CredentialsRefused || ex.StatusCode == 401;

        /// <summary>
        /// The engine's message for refused credentials, with what to run next. Only Incydr's OAuth
        /// client has a token endpoint that refuses credentials (docs/architecture.md, "Errors").
        /// </summary>
        public static string CredentialsRefusedMessage(CaseOpsApiException ex) => ex.Message + " Check the client id and secret, then run Connect-Incydr again.";

        /// <summary>
        /// Connect-Incydr's token fetch and Connect-Zammad's users/me: refused credentials end it as
        /// AuthenticationFailed, a 403 as PermissionDenied, no API at the address as ApiNotFound, a header
        /// that cannot be sent as InvalidHeaderValue, 429 after the retries as RateLimited, anything else as
        /// ConnectionFailed (docs/architecture.md, "Errors").
        /// </summary>
        public static ErrorRecord FromConnect(CaseOpsApiException ex, object target)
        {
            if (ex.ApiNotFound || ex.InvalidHeader != null || ex.StatusCode == 429)
                return FromApi(ex, new ErrorContext("The connection", "ApiNotFound", target));
            if (!IsAuthenticationFailure(ex))
            {
                return ex.StatusCode == 403
                    ? new ErrorRecord(ex, "PermissionDenied", ErrorCategory.PermissionDenied, target)
                    : new ErrorRecord(ex, "ConnectionFailed", ErrorCategory.ConnectionError, target);
            }
            var record = new ErrorRecord(ex, AuthenticationFailed, ErrorCategory.AuthenticationError, target);
            if (ex.CredentialsRefused)
                record.ErrorDetails = new ErrorDetails(CredentialsRefusedMessage(ex));
            return record;
        }

        public static ErrorRecord FromApi(CaseOpsApiException ex, ErrorContext context, ProblemCodeMap? problems = null)
        {
            string id;
            ErrorCategory category;
            string? message = null;
            string? action = null;
            if (ex.InvalidHeader != null)
            {
                // Nothing was sent: the value is wrong, not the connection.
                id = "InvalidHeaderValue"; category = ErrorCategory.InvalidArgument;
                action = IsCredentialHeader(ex.InvalidHeader)
                    ? "The credentials hold a character HTTP cannot carry; check the token or password and connect again."
                    : "Use a value of printable ASCII characters only (for -OnBehalfOf, the user's id or an ASCII login or email).";
            }
            else if (ex.ApiNotFound)
            {
                id = "ApiNotFound"; category = ErrorCategory.ObjectNotFound;
                action = "Check the address of the connection (Connect-Incydr -Uri, Connect-Zammad -Uri or the CASEOPS_*_URL environment variable).";
            }
            else if (ex.CredentialsRefused)
            {
                id = AuthenticationFailed; category = ErrorCategory.AuthenticationError;
                message = CredentialsRefusedMessage(ex);
                action = ReconnectAction;
            }
            else if (ex.OutcomeUnknown)
            {
                // The message says how to check; repeating the command blindly could do the work twice.
                id = "OutcomeUnknown"; category = ErrorCategory.ConnectionError;
                action = context.OutcomeCheck ?? "Check whether the change took effect before running the command again.";
            }
            else if (ex.ErrorCode != null && problems?.Invoke(ex.ErrorCode) is { } known)
            {
                id = known.Id;
                category = known.Category;
                message = string.Format(CultureInfo.InvariantCulture, known.MessageFormat, context.Subject, ex.ServerMessage);
            }
            else
            {
                switch (ex.StatusCode)
                {
                    case 400: id = "InvalidRequest"; category = ErrorCategory.InvalidArgument; break;
                    case 422:
                        id = "InvalidData"; category = ErrorCategory.InvalidData;
                        // The server's own words (Zammad's error_human) say best what is wrong.
                        if (ex.ServerMessage != null)
                            message = context.Subject + ": " + ex.ServerMessage;
                        break;
                    case 401:
                        id = AuthenticationFailed; category = ErrorCategory.AuthenticationError;
                        action = ReconnectAction;
                        break;
                    case 403: id = "PermissionDenied"; category = ErrorCategory.PermissionDenied; break;
                    case 404:
                        id = context.NotFoundId; category = ErrorCategory.ObjectNotFound;
                        message = context.Subject + " was not found";
                        message += SaysMore(ex.ServerMessage, message) ? " (" + ex.ServerMessage + ")." : ".";
                        break;
                    case 409: id = "Conflict"; category = ErrorCategory.ResourceExists; break;
                    case 413:
                    case 414:
                        // The server refuses the size of what was asked (a long query or filter in the URL, a large body);
                        // sending it again cannot help, so it was not retried.
                        id = "RequestTooLarge"; category = ErrorCategory.InvalidArgument;
                        action = "The request was too large for the service (for example a very long query or filter); shorten it or split it into several commands.";
                        break;
                    case 429:
                        id = "RateLimited"; category = ErrorCategory.LimitsExceeded;
                        action = "The API kept answering 429 after retries; wait and run the command again.";
                        break;
                    case int ok when ok >= 200 && ok < 300:
                        id = "InvalidResponse"; category = ErrorCategory.InvalidResult;
                        action = "The service answered with data CaseOps could not read; run with -Debug to see the body.";
                        break;
                    default:
                        id = "ConnectionFailed"; category = ErrorCategory.ConnectionError;
                        action = "The service failed or could not be reached (requests safe to repeat were retried); quote the request id when reporting it.";
                        break;
                }
            }
            if (message != null && ex.RequestId != null)
                message += " Request id: " + ex.RequestId + ".";
            var record = new ErrorRecord(ex, id, category, context.Target);
            if (message != null || action != null)
                record.ErrorDetails = new ErrorDetails(ServerText.Cap(message ?? ex.Message, ServerText.MaxMessageLength)) { RecommendedAction = action };
            return record;
        }

        /// <summary>
        /// False when the server's text has no word that <paramref name="ours"/> lacks ("Case 42 not found" beside
        /// "Case 42 was not found"), so the message does not say the same thing twice.
        /// </summary>
        internal static bool SaysMore(string? serverText, string ours)
        {
            if (string.IsNullOrWhiteSpace(serverText))
                return false;
            var known = new HashSet<string>(Words(ours), StringComparer.OrdinalIgnoreCase);
            foreach (var word in Words(serverText!))
            {
                if (!known.Contains(word))
                    return true;
            }
            return false;
        }

        private static IEnumerable<string> Words(string text)
        {
            var start = -1;
            for (var i = 0; i <= text.Length; i++)
            {
                var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
                if (inWord && start < 0)
                    start = i;
                else if (!inWord && start >= 0)
                {
                    yield return text.Substring(start, i - start);
                    start = -1;
                }
            }
        }

        private static bool IsCredentialHeader(string header) => string.Equals(header, "Authorization", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Maps an API's problem code to its meaning, or null when it has no special one.</summary>
    internal delegate KnownProblem? ProblemCodeMap(string problemCode);
}
