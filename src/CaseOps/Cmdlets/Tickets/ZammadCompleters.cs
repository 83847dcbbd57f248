using System.Collections;
using System.Linq;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;
using CaseOps.Connections;
using CaseOps.Http;
using CaseOps.Zammad;

namespace CaseOps.Cmdlets.Tickets
{
    /// <summary>
    /// Tab completion from the helpdesk itself, through -Connection or the session's default
    /// connection. Completion must never hang or throw, so it gives up quietly after a moment. Giving up
    /// ends only its own wait: a catalog load it started goes on for the next Tab and for commands that
    /// wait on it (docs/architecture.md, "Connections").
    /// </summary>
    public abstract class ZammadCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var connection = (fakeBoundParameters?["Connection"] as PSObject)?.BaseObject as ZammadConnection
                ?? fakeBoundParameters?["Connection"] as ZammadConnection
                ?? ConnectionRegistry.Get(CaseOpsService.Zammad) as ZammadConnection;
            if (connection == null || connection.IsClosed)
                return Enumerable.Empty<CompletionResult>();
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            IReadOnlyList<string> names;
            try
            {
                using (var timeout = new CancellationTokenSource(Patience))
                {
                    var task = CandidatesAsync(connection, typed, timeout.Token);
                    if (!task.Wait(Patience))
                        return Enumerable.Empty<CompletionResult>();
                    names = task.Result;
                }
            }
            catch (AggregateException)
            {
                return Enumerable.Empty<CompletionResult>();
            }
            return CompletionMatches.Of(names.OrderBy(n => n, StringComparer.OrdinalIgnoreCase), typed);
        }

        private protected abstract Task<IReadOnlyList<string>> CandidatesAsync(ZammadConnection connection, string typed, CancellationToken cancellationToken);
    }

    /// <summary>Completes names from a lookup table (groups, states, priorities, agents).</summary>
    public abstract class CatalogCompleter : ZammadCompleter
    {
        private protected abstract CatalogKind Kind { get; }

        /// <summary>False where inactive entries are valid too (the admin cmdlets of the list itself).</summary>
        private protected virtual bool ActiveOnly => true;

        private protected override async Task<IReadOnlyList<string>> CandidatesAsync(ZammadConnection connection, string typed, CancellationToken cancellationToken) =>
            (await connection.Catalog.GetAsync(Kind, RequestLog.None, cancellationToken).ConfigureAwait(false))
                .Where(e => e.Active || !ActiveOnly).Select(e => e.Name).ToList();
    }

    public sealed class GroupCompleter : CatalogCompleter { private protected override CatalogKind Kind => CatalogKind.Group; }

    public sealed class StateCompleter : CatalogCompleter { private protected override CatalogKind Kind => CatalogKind.State; }

    public sealed class PriorityCompleter : CatalogCompleter { private protected override CatalogKind Kind => CatalogKind.Priority; }

    public sealed class OwnerCompleter : CatalogCompleter { private protected override CatalogKind Kind => CatalogKind.Owner; }

    /// <summary>Completes tag names with the server's tag search.</summary>
    public sealed class TagNameCompleter : ZammadCompleter
    {
        private protected override async Task<IReadOnlyList<string>> CandidatesAsync(ZammadConnection connection, string typed, CancellationToken cancellationToken) =>
            (await new TagService(connection).SearchAsync(typed, 50, cancellationToken).ConfigureAwait(false)).Select(t => t.Name).ToList();
    }
}

namespace CaseOps.Cmdlets.Tickets
{
    /// <summary>Completes from a fixed list of values, in the order declared within each group of <see cref="CompletionMatches"/>.</summary>
    public abstract class FixedValuesCompleter : IArgumentCompleter
    {
        private protected abstract string[] Values { get; }

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionMatches.Of(Values, wordToComplete);
    }

    /// <summary>Completes -SortBy with the ticket fields searches are usually sorted by.</summary>
    public sealed class TicketSortFieldCompleter : FixedValuesCompleter
    {
        private protected override string[] Values { get; } =
            { "updated_at", "created_at", "id", "number", "title", "state_id", "priority_id", "group_id", "owner_id", "customer_id", "close_at", "pending_time" };
    }

    /// <summary>Completes article types with Zammad's standard ones.</summary>
    public sealed class ArticleTypeCompleter : FixedValuesCompleter
    {
        private protected override string[] Values { get; } = { "note", "email", "phone", "web", "sms", "chat", "fax" };
    }
}

namespace CaseOps.Cmdlets.Tickets
{
    /// <summary>Completes -Name of the priority cmdlets: every priority, inactive ones included.</summary>
    public sealed class PriorityRecordCompleter : CatalogCompleter
    {
        private protected override CatalogKind Kind => CatalogKind.Priority;

        private protected override bool ActiveOnly => false;
    }

    /// <summary>Completes -Name of the state cmdlets: every state, inactive ones included.</summary>
    public sealed class StateRecordCompleter : CatalogCompleter
    {
        private protected override CatalogKind Kind => CatalogKind.State;

        private protected override bool ActiveOnly => false;
    }

    /// <summary>
    /// Completes -Name of Remove-TicketTag with the tags the tickets already given to -TicketId have (the
    /// first few of them); with no ticket given yet, like <see cref="TagNameCompleter"/>.
    /// </summary>
    // Re-implements the interface, so PowerShell calls the method below, which reads the bound tickets first.
    public sealed class TicketTagNameCompleter : ZammadCompleter, IArgumentCompleter
    {
        private const int MostTickets = 5;
        private long[] _ticketIds = Array.Empty<long>();

        public new IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            _ticketIds = BoundTicketIds(fakeBoundParameters);
            return base.CompleteArgument(commandName, parameterName, wordToComplete, commandAst, fakeBoundParameters);
        }

        private static long[] BoundTicketIds(IDictionary? bound)
        {
            var value = bound?["TicketId"] ?? bound?["Id"];
            if (value == null)
                return Array.Empty<long>();
            try { return LanguagePrimitives.ConvertTo<long[]>(value).Where(id => id > 0).Distinct().Take(MostTickets).ToArray(); }
            catch (PSInvalidCastException) { return Array.Empty<long>(); }
        }

        private protected override async Task<IReadOnlyList<string>> CandidatesAsync(ZammadConnection connection, string typed, CancellationToken cancellationToken)
        {
            var tags = new TagService(connection);
            if (_ticketIds.Length == 0)
                return (await tags.SearchAsync(typed, 50, cancellationToken).ConfigureAwait(false)).Select(t => t.Name).ToList();
            var names = new List<string>();
            foreach (var ticketId in _ticketIds)
                names.AddRange(await tags.GetTicketTagsAsync(ticketId, cancellationToken).ConfigureAwait(false));
            return names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }
    }

    public sealed class TimeAccountingTypeCompleter : CatalogCompleter { private protected override CatalogKind Kind => CatalogKind.TimeAccountingType; }

    public sealed class StateTypeCompleter : CatalogCompleter { private protected override CatalogKind Kind => CatalogKind.StateType; }
}
