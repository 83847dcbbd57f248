using System;
using System.Management.Automation;
using CaseOps.Http;

namespace CaseOps.Cmdlets.Tags
{
    /// <summary>Deletes tags from the helpdesk and from every ticket that carries them (admin).</summary>
    [Cmdlet(VerbsCommon.Remove, "Tag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveTagCommand : TagAdminCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateTagName]
        [ArgumentCompleter(typeof(Tickets.TagNameCompleter))]
        public string[] Name { get; set; } = Array.Empty<string>();

        /// <summary>Deletes without asking, as -Confirm:$false does.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var raw in Name)
            {
                var name = raw.Trim();
                try
                {
                    var tag = FindOrReport(name);
                    if (tag == null)
                        continue;
                    var usage = tag.Count is long count ? $" (on {count} tickets)" : string.Empty;
                    if (!ShouldProcess($"Tag '{tag.Name}'{usage}", "Delete everywhere", Force))
                        continue;
                    Await(Tags.RemoveAsync(tag.Id, CancellationToken));
                    Forget(tag);
                    WriteVerboseLine($"Deleted tag '{tag.Name}'");
                }
                catch (CaseOpsApiException ex)
                {
                    WriteApiError(ex, About(name));
                }
            }
        }
    }
}
