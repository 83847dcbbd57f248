using CaseOps.Http;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Tags
{
    /// <summary>Adds tags to the helpdesk's tag list (admin). An existing name is left as it is, with a warning.</summary>
    [Cmdlet(VerbsCommon.New, "Tag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Tag))]
    public sealed class NewTagCommand : ZammadCmdlet
    {
        private TagDirectory? _directory;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateTagName]
        public string[] Name { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord()
        {
            var tags = _directory ??= new TagDirectory(this);
            foreach (var raw in Name)
            {
                var name = raw.Trim();
                Attempt(() => Create(tags, name), TagDirectory.About(name));
            }
        }

        private void Create(TagDirectory tags, string name)
        {
            if (tags.Find(name) is { } existing)
            {
                WriteWarning($"The tag '{existing.Name}' already exists; nothing was changed.");
                WriteObject(existing);
                return;
            }
            if (!ShouldProcess(TagDirectory.Target(name), "Create"))
                return;
            Await(tags.Service.CreateAsync(name, CancellationToken));
            tags.ForgetList();
            if (tags.Find(name) is { } created)
                WriteObject(created);
        }
    }
}
