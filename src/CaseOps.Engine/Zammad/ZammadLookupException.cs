using System.Linq;

namespace CaseOps.Zammad
{
    /// <summary>A group, state, priority or owner name the helpdesk does not know; nothing was sent.</summary>
    public sealed class ZammadLookupException : Exception
    {
        public ZammadLookupException(CatalogKind kind, string value, IReadOnlyList<string> choices)
            : base(FormatMessage(kind, value, choices))
        {
            Kind = kind;
            Value = value;
            Choices = choices;
        }

        public CatalogKind Kind { get; }
        public string Value { get; }
        public IReadOnlyList<string> Choices { get; }

        private static string FormatMessage(CatalogKind kind, string value, IReadOnlyList<string> choices)
        {
            var noun = CatalogKinds.Noun(kind);
            const int shown = 25;
            var list = string.Join(", ", choices.Take(shown).Select(c => "'" + c + "'"));
            if (choices.Count > shown)
                list += $" and {choices.Count - shown} more";
            return choices.Count == 0
                ? $"Zammad has no {noun} '{value}'."
                : $"Zammad has no {noun} '{value}'. Valid values: {list}.";
        }
    }
}
