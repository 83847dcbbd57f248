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
        private System.Collections.Generic.List<Tag>? _list;

        /// <summary>Drops the kept tag list after a change, so the next lookup reads it again.</summary>
        private protected void ForgetList() => _list = null;

        /// <summary>Drops one deleted tag from the kept list; the others are unchanged by its deletion.</summary>
        private protected void Forget(Tag tag) => _list?.Remove(tag);

        private protected TagService Tags => _tags ??= new TagService(ResolveConnection(), RequestLog);

        /// <summary>
        /// The tag with this name (exact, else ignoring case) from the full list, which carries the use
        /// counts; the list needs admin rights, as every tag administration does. Null when missing.
        /// </summary>
        private protected Tag? FindInList(string name)
        {
            // Read once per command and kept until this command changes the list: many piped names cost one read.
            var all = _list ??= Await(Tags.ListAsync(CancellationToken));
            return all.Find(t => string.Equals(t.Name, name, System.StringComparison.Ordinal))
                ?? all.Find(t => string.Equals(t.Name, name, System.StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>The tag with this name, or null after a TagNotFound error was written.</summary>
        private protected Tag? FindOrReport(string name)
        {
            var tag = FindInList(name);
            if (tag == null)
                WriteError(new ErrorRecord(new ItemNotFoundException($"Zammad has no tag '{name}'."), "TagNotFound", ErrorCategory.ObjectNotFound, name));
            return tag;
        }

        private protected static ErrorContext About(string name) => new ErrorContext($"Tag '{name}'", "TagNotFound", name);
    }
}
