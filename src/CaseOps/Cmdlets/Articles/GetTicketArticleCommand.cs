using CaseOps.Cmdlets.Tickets;
using CaseOps.Http;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Articles
{
    /// <summary>Gets the articles of tickets, oldest first, or articles by their own id.</summary>
    [Cmdlet(VerbsCommon.Get, "TicketArticle", DefaultParameterSetName = TicketSet)]
    [OutputType(typeof(TicketArticle))]
    public sealed class GetTicketArticleCommand : ZammadCmdlet
    {
        private const string TicketSet = "ByTicket";
        private const string IdSet = "ById";

        /// <summary>The tickets whose articles to get (piped tickets bind by their Id).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = TicketSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long[] TicketId { get; set; } = Array.Empty<long>();

        /// <summary>Article ids.</summary>
        [Parameter(Mandatory = true, ParameterSetName = IdSet)]
        [Alias("ArticleId")]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = Array.Empty<long>();

        protected override void ProcessRecord()
        {
            var articles = new ArticleService(ResolveConnection(), RequestLog);
            if (ParameterSetName == IdSet)
            {
                foreach (var id in Id)
                {
                    Attempt(() => WriteObject(Await(articles.GetAsync(id, CancellationToken))), new ErrorContext($"Article {id}", "ArticleNotFound", id));
                }
                return;
            }
            WriteForEachTicket(TicketId, async id => (IEnumerable<TicketArticle>)await articles.ListAsync(id, CancellationToken).ConfigureAwait(false));
        }
    }
}
