using System;
using System.Management.Automation;
using CaseOps.Http;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Tags
{
    /// <summary>Adds tags to the helpdesk's tag list (admin). An existing name is left as it is, with a warning.</summary>
    [Cmdlet(VerbsCommon.New, "Tag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Tag))]
    public sealed class NewTagCommand : TagAdminCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateTagName]
        public string[] Name { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord()
        {
            foreach (var raw in Name)
            {
                var name = raw.Trim();
                try
                {
                    if (FindInList(name) is { } existing)
                    {
                        WriteWarning($"The tag '{existing.Name}' already exists; nothing was changed.");
                        WriteObject(existing);
                        continue;
                    }
                    if (!ShouldProcess($"Tag '{name}'", "Create"))
                        continue;
                    Await(Tags.CreateAsync(name, CancellationToken));
                    ForgetList();
                    if (FindInList(name) is { } created)
                        WriteObject(created);
                }
                catch (CaseOpsApiException ex)
                {
                    WriteApiError(ex, About(name));
                }
            }
        }
    }
}
