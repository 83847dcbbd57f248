using System.Management.Automation;
using CaseOps.Cmdlets.Common;
using CaseOps.Http;
using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Tags
{
    /// <summary>What the tag administration cmdlets share: finding a tag by name or id and reporting failures about it.</summary>
    public abstract class TagAdminCmdlet : ZammadCmdlet
    {
        private TagService? _tags;

        private protected TagService Tags => _tags ??= new TagService(ResolveConnection(), RequestLog);

        /// <summary>The tag with this name, or null after a TagNotFound error was written.</summary>
        private protected Tag? FindOrReport(string name)
        {
            var tag = Await(Tags.FindAsync(name, CancellationToken));
            if (tag == null)
                WriteError(new ErrorRecord(new ItemNotFoundException($"Zammad has no tag '{name}'."), "TagNotFound", ErrorCategory.ObjectNotFound, name));
            return tag;
        }

        private protected static ErrorContext About(string name) => new ErrorContext($"Tag '{name}'", "TagNotFound", name);
    }
}
