using CaseOps.Http;

namespace CaseOps.Cmdlets.Tags
{
    /// <summary>Deletes tags from the helpdesk and from every ticket that carries them (admin).</summary>
    [Cmdlet(VerbsCommon.Remove, "Tag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveTagCommand : ZammadCmdlet
    {
        private TagDirectory? _directory;

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
            var tags = _directory ??= new TagDirectory(this);
            foreach (var raw in Name)
            {
                var name = raw.Trim();
                Attempt(() => Remove(tags, name), TagDirectory.About(name));
            }
        }

        private void Remove(TagDirectory tags, string name)
        {
            var tag = tags.FindOrReport(name);
            if (tag == null)
                return;
            if (!ShouldProcess(TagDirectory.Target(tag), "Delete everywhere", Force))
                return;
            Await(tags.Service.RemoveAsync(tag.Id, CancellationToken));
            tags.Forget(tag);
            WriteVerboseLine($"Deleted tag '{tag.Name}'");
        }
    }
}
