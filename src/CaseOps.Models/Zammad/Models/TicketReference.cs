using System.Globalization;

namespace CaseOps.Zammad.Models
{
    /// <summary>A group, state, priority or owner given by id or by name, resolved before sending.</summary>
    public sealed class TicketReference
    {
        private TicketReference(long? id, string? name)
        {
            Id = id;
            Name = name;
        }

        public long? Id { get; }
        public string? Name { get; }

        public static TicketReference ById(long id) => new TicketReference(id, null);

        public static TicketReference? ByName(string? name) => name == null ? null : new TicketReference(null, name);

        /// <summary>Digits are an id, anything else a name: what -Group 3 and -Group 'Users' mean.</summary>
        public static TicketReference Parse(string text) =>
            long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? ById(id) : new TicketReference(null, text);

        public override string ToString() => Name ?? Id?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
