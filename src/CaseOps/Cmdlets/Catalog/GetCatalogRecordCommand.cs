using System;
using System.Linq;
using System.Management.Automation;
using CaseOps.Http;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>Gets priorities or states: all, by name (wildcards) or by id.</summary>
    public abstract class GetCatalogRecordCommand : CatalogRecordCmdlet
    {
        private protected const string NameSet = "ByName";
        private protected const string IdSet = "ById";

        [Parameter(Position = 0, ParameterSetName = NameSet)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(Tickets.CatalogRecordNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = IdSet)]
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
                var records = Await(Service.ListAsync(CancellationToken));
                foreach (var record in records)
                {
                    if (patterns == null || patterns.Any(p => p.IsMatch(record.Name)))
                        WriteObject(record);
                }
                // As Get-Process does: a name without wildcards that matches nothing is an error.
                foreach (var name in Name ?? Array.Empty<string>())
                {
                    if (!WildcardPattern.ContainsWildcardCharacters(name) && !records.Any(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)))
                        WriteError(new ErrorRecord(new ItemNotFoundException($"Zammad has no ticket {Noun} named '{name}'."), Noun.NotFoundErrorId, ErrorCategory.ObjectNotFound, name));
                }
            }
            catch (CaseOpsApiException ex)
            {
                WriteApiError(ex, About("list"));
            }
        }
    }
}
