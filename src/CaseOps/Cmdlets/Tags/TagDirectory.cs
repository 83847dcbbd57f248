using CaseOps.Zammad;
using CaseOps.Zammad.Models;

namespace CaseOps.Cmdlets.Tags
{
    /// <summary>
    /// The helpdesk's tag list as the tag administration cmdlets (New-, Remove-, Rename-Tag) see it during one
    /// command: read once, kept until the command changes it, searched by name.
    /// </summary>
    internal sealed class TagDirectory
    {
        private readonly ZammadCmdlet _cmdlet;
        private TagService? _service;
        private List<Tag>? _list;

        public TagDirectory(ZammadCmdlet cmdlet) => _cmdlet = cmdlet;

        public TagService Service => _service ??= new TagService(_cmdlet.ResolveConnection(), _cmdlet.RequestLog);

        /// <summary>What an API failure about the tag <paramref name="name"/> is reported as.</summary>
        public static ErrorContext About(string name) => new ErrorContext($"Tag '{name}'", "TagNotFound", name);

        /// <summary>How a prompt names a tag: <c>Tag 'phishing'</c>.</summary>
        public static string Target(string name) => "Tag " + ChangeDescription.Show(name);

        /// <summary>How a prompt names a listed tag, with its use: <c>Tag 'phishing' (on 3 tickets)</c>.</summary>
        public static string Target(Tag tag) =>
            Target(tag.Name) + (tag.Count is long count ? $" (on {count.ToString(System.Globalization.CultureInfo.InvariantCulture)} tickets)" : string.Empty);

        /// <summary>Drops the kept list after a change, so the next lookup reads it again.</summary>
        public void ForgetList() => _list = null;

        /// <summary>Drops one deleted tag from the kept list; the others are unchanged by its deletion.</summary>
        public void Forget(Tag tag) => _list?.Remove(tag);

        /// <summary>
        /// The tag with this name (exact, else ignoring case) from the full list, which carries the use
        /// counts; the list needs admin rights, as every tag administration does. Null when missing.
        /// </summary>
        public Tag? Find(string name)
        {
            // Read once per command and kept until this command changes the list: many piped names cost one read.
            var all = _list ??= _cmdlet.Await(Service.ListAsync(_cmdlet.CancellationToken));
            return all.Find(t => string.Equals(t.Name, name, StringComparison.Ordinal))
                ?? all.Find(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>The tag with this name, or null after a TagNotFound error was written.</summary>
        public Tag? FindOrReport(string name)
        {
            var tag = Find(name);
            if (tag == null)
                _cmdlet.WriteError(new ErrorRecord(new ItemNotFoundException($"Zammad has no tag '{name}'."), "TagNotFound", ErrorCategory.ObjectNotFound, name));
            return tag;
        }
    }
}
