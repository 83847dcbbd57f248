using System.Linq;
using CaseOps.Http;
using CaseOps.Incydr;

namespace CaseOps.Cmdlets.Users
{
    /// <summary>
    /// Turns what a cmdlet was given for -Assignee or -Subject (a username, a user id, or an IncydrUser made
    /// into its id) into the user id Incydr's case endpoints take, through the connection's user directory.
    /// A user Incydr does not know is written as UserNotFound with the closest usernames, and the caller sends
    /// nothing for that item. Each value is resolved once per command, so a pipeline of cases costs at most
    /// one lookup per distinct user.
    /// </summary>
    internal sealed class IncydrUserResolver
    {
        private readonly IncydrCmdlet _cmdlet;
        private readonly Dictionary<string, UserValue> _seen = new Dictionary<string, UserValue>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, ErrorRecord> _failed = new Dictionary<string, ErrorRecord>(StringComparer.OrdinalIgnoreCase);

        public IncydrUserResolver(IncydrCmdlet cmdlet) => _cmdlet = cmdlet;

        /// <summary>
        /// True with the user (<see cref="UserValue.None"/> for $null or empty text, which clears the field), or
        /// false after writing the error: the caller then skips the item.
        /// </summary>
        public bool TryResolve(string? text, out UserValue user)
        {
            user = UserValue.None;
            if (string.IsNullOrWhiteSpace(text))
                return true;
            var key = text!.Trim();
            if (_failed.TryGetValue(key, out var failure))
            {
                _cmdlet.WriteApiError(failure);
                return false;
            }
            if (!_seen.TryGetValue(key, out var known))
            {
                var resolved = Resolve(key);
                if (resolved == null)
                    return false;
                _seen[key] = known = resolved;
            }
            user = known;
            return true;
        }

        private UserValue? Resolve(string text)
        {
            var directory = _cmdlet.ResolveConnection().Users;
            try
            {
                var found = _cmdlet.Await(directory.ResolveAsync(text, _cmdlet.RequestLog, _cmdlet.CancellationToken));
                return new UserValue(found.UserId, found.Username);
            }
            catch (IncydrUserNotFoundException ex)
            {
                Fail(text, NotFound(ex));
                return null;
            }
            catch (CaseOpsApiException ex) when (ex.StatusCode == 403 && IsUserId(text))
            {
                // An API client allowed to work cases but not to read users: send the id unchecked, as before
                // user lookups existed; Incydr itself refuses an unknown one (CaseUserInvalid).
                _cmdlet.WriteVerboseLine($"Incydr refused to look up user {text} (403); sending the id unchecked.");
                return new UserValue(text, null);
            }
            catch (CaseOpsApiException ex)
            {
                Fail(text, ErrorRecordFactory.FromApi(ex, new ErrorContext($"User '{text}'", "UserNotFound", text)));
                return null;
            }
        }

        private void Fail(string text, ErrorRecord record)
        {
            _failed[text] = record;
            _cmdlet.WriteApiError(record);
        }

        /// <summary>UserNotFound (ObjectNotFound): the message names the value and the closest usernames.</summary>
        internal static ErrorRecord NotFound(IncydrUserNotFoundException ex) =>
            new ErrorRecord(ex, "UserNotFound", ErrorCategory.ObjectNotFound, ex.Value)
            {
                ErrorDetails = new ErrorDetails(ex.Message)
                {
                    RecommendedAction = "Give a username or user id Incydr knows: Get-IncydrUser lists them, and tab completion offers the usernames.",
                },
            };

        private static bool IsUserId(string text) => text.All(c => c >= '0' && c <= '9');
    }
}
