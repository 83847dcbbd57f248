using System.Linq;

namespace CaseOps.Zammad
{
    /// <summary>One row of a lookup table: its id, the name users type, and other names that also match.</summary>
    public sealed class CatalogEntry
    {
        public CatalogEntry(long id, string name, bool active, params string?[] aliases)
        {
            Id = id;
            Name = name;
            Active = active;
            Aliases = aliases.Where(a => !string.IsNullOrEmpty(a)).Select(a => a!).ToArray();
        }

        public long Id { get; }
        public string Name { get; }
        public bool Active { get; }
        public string[] Aliases { get; }

        public bool Matches(string text) =>
            string.Equals(Name, text, StringComparison.OrdinalIgnoreCase)
            || Aliases.Any(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase));
    }
}
