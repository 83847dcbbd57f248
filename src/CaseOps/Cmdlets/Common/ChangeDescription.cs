using System.Globalization;
using System.Linq;

namespace CaseOps.Cmdlets.Common
{
    /// <summary>
    /// What a -WhatIf or -Confirm prompt says about a change: the object by number and name, and each field
    /// that changes as old -> new (docs/architecture.md, "Prompts"). Fields whose value stays are left out,
    /// so the prompt shows exactly what the request will change. ASCII arrows, so Windows PowerShell
    /// consoles on any code page show them.
    /// </summary>
    internal sealed class ChangeDescription
    {
        private const int LongestShownText = 60;
        private readonly List<string> _changes = new List<string>();

        /// <summary>Adds a field when its value changes; text is compared as shown.</summary>
        public ChangeDescription Field(string name, object? before, object? after)
        {
            var old = Show(before);
            var @new = Show(after);
            if (!string.Equals(old, @new, StringComparison.Ordinal))
                _changes.Add(name + ": " + old + " -> " + @new);
            return this;
        }

        /// <summary>Adds a field that is set where the old value is not known (no read before the write).</summary>
        public ChangeDescription Set(string name, object? value)
        {
            _changes.Add(name + " -> " + Show(value));
            return this;
        }

        /// <summary>True when no field changes.</summary>
        public bool IsEmpty => _changes.Count == 0;

        /// <summary>The changes, "; "-separated, or "no change".</summary>
        public override string ToString() => IsEmpty ? "no change" : string.Join("; ", _changes);

        /// <summary>How an object is named in a prompt: <c>Case 42 'Laptop USB copy'</c>; the name is left out when unknown.</summary>
        public static string Target(string kind, string number, string? name) =>
            string.IsNullOrEmpty(name) ? kind + " " + number : kind + " " + number + " " + Quote(name!);

        /// <summary>A value as a prompt shows it: text quoted and shortened, none as (none), times in UTC.</summary>
        public static string Show(object? value) => value switch
        {
            null => "(none)",
            string text when text.Length == 0 => "(empty)",
            string text => Quote(text),
            DateTimeOffset time => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            DateTime time => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            bool flag => flag ? "true" : "false",
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Show)) + "]",
            _ => value.ToString() ?? string.Empty,
        };

        private static string Quote(string text)
        {
            var line = text.Replace("\r", " ").Replace("\n", " ");
            return "'" + (line.Length <= LongestShownText ? line : line.Substring(0, LongestShownText - 3) + "...") + "'";
        }
    }
}
