using CaseOps.Http;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Tags
{
    /// <summary>
    /// Renames a tag on every ticket (admin). When the new name already exists, the two tags merge:
    /// the cmdlet says so before it asks, and every ticket ends with the new name once.
    /// </summary>
    [Cmdlet(VerbsCommon.Rename, "Tag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Tag))]
    public sealed class RenameTagCommand : ZammadCmdlet
    {
        private TagDirectory? _directory;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateTagName]
        [ArgumentCompleter(typeof(Tickets.TagNameCompleter))]
        public string? Name { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        [ValidateTagName]
        public string? NewName { get; set; }

        /// <summary>Merges into an existing tag without asking (a rename that merges asks even when renames do not).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Returns the renamed tag.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private bool ConfirmedExplicitly => MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm) && confirm is SwitchParameter s && !s.IsPresent;

        protected override void ProcessRecord()
        {
            var name = Name!.Trim();
            Attempt(() => Rename(_directory ??= new TagDirectory(this), name, NewName!.Trim()), TagDirectory.About(name));
        }

        private void Rename(TagDirectory tags, string name, string newName)
        {
            var tag = tags.FindOrReport(name);
            if (tag == null)
                return;
            var existing = tags.Find(newName);
            var merges = existing != null && existing.Id != tag.Id;
            if (merges)
                WriteWarning($"The tag '{existing!.Name}' already exists: renaming '{tag.Name}' merges the two, and their tickets all carry '{existing.Name}'.");
            var action = merges
                ? "Merge into the existing " + TagDirectory.Target(existing!)
                : "Rename " + ChangeDescription.Show(tag.Name) + " -> " + ChangeDescription.Show(newName);
            if (!ShouldProcess(TagDirectory.Target(tag), action))
                return;
            // A merge cannot be undone: it asks like a delete would, unless -Force or -Confirm:$false.
            if (merges && !Force && !ConfirmedExplicitly
                && !ShouldContinue($"Merge tag '{tag.Name}' into the existing tag '{existing!.Name}' on every ticket? This cannot be undone.", "Merge tags"))
                return;
            Await(tags.Service.RenameAsync(tag.Id, newName, CancellationToken));
            tags.ForgetList();
            WriteVerboseLine($"Renamed tag '{tag.Name}' to '{newName}'");
            if (PassThru && tags.Find(newName) is { } renamed)
                WriteObject(renamed);
        }
    }
}
