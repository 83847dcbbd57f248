using System;
using System.Linq;
using System.Management.Automation;
using CaseOps.Http;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>Gets priorities or states: all, by name (wildcards) or by id.</summary>
    public abstract class GetCatalogRecordCommand<T> : CatalogRecordCmdlet<T> where T : ZammadNamedRecord
    {
        private protected const string NameSet = "ByName";
        private protected const string IdSet = "ById";

        [Parameter(Position = 0, ParameterSetName = NameSet)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[]? Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = Array.Empty<long>();

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet)
            {
                foreach (var id in Id)
                {
                    try { WriteObject(Await(Service.GetAsync(id, CancellationToken))); }
                    catch (CaseOpsApiException ex) { WriteApiError(ex, About(id)); }
                }
                return;
            }
            var patterns = Name?.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
            try
            {
                foreach (var record in Await(Service.ListAsync(CancellationToken)))
                {
                    if (patterns == null || patterns.Any(p => p.IsMatch(record.Name)))
                        WriteObject(record);
                }
            }
            catch (CaseOpsApiException ex)
            {
                WriteApiError(ex, About("list"));
            }
        }
    }
}
