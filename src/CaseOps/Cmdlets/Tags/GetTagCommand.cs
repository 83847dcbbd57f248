using System.Linq;
using CaseOps.Http;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Tags
{
    /// <summary>Gets the helpdesk's tags with their use counts (admin), or searches tag names (any agent).</summary>
    [Cmdlet(VerbsCommon.Get, "Tag", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Tag))]
    public sealed class GetTagCommand : ZammadCmdlet
    {
        private const string ListSet = "List";
        private const string SearchSet = "Search";

        /// <summary>Only tags whose name matches one of these wildcard patterns.</summary>
        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(Tickets.TagNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Tags containing this text, found by the server's tag search (no counts).</summary>
        [Parameter(Mandatory = true, ParameterSetName = SearchSet)]
        [ValidateNotNullOrEmpty]
        public string? Search { get; set; }

        /// <summary>The most search results to return.</summary>
        [Parameter(ParameterSetName = SearchSet)]
        [ValidateRange(1, 1000)]
        public int Limit { get; set; } = 100;

        protected override void ProcessRecord()
        {
            var tags = new TagService(ResolveConnection(), RequestLog);
            Attempt(() =>
            {
                if (ParameterSetName == SearchSet)
                {
                    WriteObject(Await(tags.SearchAsync(Search!, Limit, CancellationToken)), enumerateCollection: true);
                    return;
                }
                var patterns = Name?.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
                foreach (var tag in Await(tags.ListAsync(CancellationToken)))
                {
                    if (patterns == null || patterns.Any(p => p.IsMatch(tag.Name)))
                        WriteObject(tag);
                }
            }, new ErrorContext("The tag list", "TagNotFound", Search ?? (object?)Name));
        }
    }
}
