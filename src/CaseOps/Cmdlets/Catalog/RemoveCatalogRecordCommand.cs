using System.Management.Automation;
using CaseOps.Http;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>Deletes priorities or states; Zammad refuses while tickets use them.</summary>
    public abstract class RemoveCatalogRecordCommand : CatalogRecordCmdlet
    {
        private protected const string NameSet = "ByName";
        private protected const string IdSet = "ById";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Tickets.CatalogRecordNameCompleter))]
        public string? Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = IdSet)]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        /// <summary>The record piped in: the concrete cmdlet declares -InputObject with its own record type.</summary>
        private protected abstract ZammadNamedRecord? Piped { get; }

        /// <summary>Deletes without asking, as -Confirm:$false does.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var name = Piped?.Name ?? Name;
            if (!((Piped?.Id ?? Resolve(Id, Name)) is long id))
                return;
            var label = name != null ? $"'{name}' ({id})" : id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!ShouldProcess($"Ticket {Noun} {label}", "Delete", Force))
                return;
            try
            {
                Await(Service.RemoveAsync(id, CancellationToken));
                WriteVerboseLine($"Deleted ticket {Noun} {label}");
            }
            catch (CaseOpsApiException ex) when (ex.StatusCode == 422 && (ex.ServerMessage ?? string.Empty).IndexOf("reference", System.StringComparison.OrdinalIgnoreCase) >= 0)
            {
                // Zammad's own words ("Can't delete, object has references.") plus what to do about it.
                WriteError(new ErrorRecord(ex, Noun.InUseErrorId, ErrorCategory.InvalidOperation, (object?)Piped ?? name ?? (object)id)
                {
                    ErrorDetails = new ErrorDetails($"Zammad refused to delete ticket {Noun} {label}: {ex.ServerMessage ?? ex.Message}")
                    {
                        RecommendedAction = $"Move the tickets that use it to another {Noun} first (@(Get-Ticket -Query ...) | Set-Ticket -{Noun.ParameterName} ...), or set it inactive with -Active:$false instead.",
                    },
                });
            }
            catch (CaseOpsApiException ex)
            {
                WriteApiError(ex, About(label));
            }
        }
    }
}
