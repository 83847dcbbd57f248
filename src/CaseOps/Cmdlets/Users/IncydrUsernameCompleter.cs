using System.Collections;
using System.Linq;
using System.Management.Automation.Language;
using System.Threading;
using CaseOps.Cmdlets.Common;
using CaseOps.Connections;
using CaseOps.Http;

namespace CaseOps.Cmdlets.Users
{
    /// <summary>
    /// Completes -Assignee and -Subject with the usernames of the connection's user directory (read once per
    /// connection, docs/architecture.md, "Connections"): names that start with what was typed first, then names
    /// that contain it. Completion never hangs or throws: it gives up quietly after a moment, and giving up
    /// ends only its own wait, so the listing it started still fills the directory for the next Tab.
    /// </summary>
    public sealed class IncydrUsernameCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var given = fakeBoundParameters?["Connection"];
            var connection = (given is PSObject wrapped ? wrapped.BaseObject : given) as IncydrConnection
                ?? ConnectionRegistry.Get(CaseOpsService.Incydr) as IncydrConnection;
            if (connection == null || connection.IsClosed)
                return Enumerable.Empty<CompletionResult>();
            // Alphabetical within each group of the module's one completion order (CompletionMatches).
            return CompletionMatches.Of(Usernames(connection).OrderBy(n => n, StringComparer.OrdinalIgnoreCase), wordToComplete);
        }

        private static IEnumerable<string> Usernames(IncydrConnection connection)
        {
            try
            {
                using (var timeout = new CancellationTokenSource(Patience))
                {
                    var everyone = connection.Users.GetAllAsync(RequestLog.None, timeout.Token);
                    return everyone.Wait(Patience) ? everyone.Result.Select(u => u.Username) : Enumerable.Empty<string>();
                }
            }
            catch (AggregateException)
            {
                return Enumerable.Empty<string>();
            }
            catch (ObjectDisposedException)
            {
                return Enumerable.Empty<string>();
            }
        }
    }
}
