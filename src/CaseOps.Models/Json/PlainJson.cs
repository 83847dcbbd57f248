using System.Collections.Specialized;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace CaseOps.Json
{
    /// <summary>
    /// JSON values as plain values: strings, numbers, booleans, dates and null as themselves, arrays
    /// as object[], objects as whatever <see cref="ObjectBuilder"/> makes of their fields. Output
    /// objects keep what they received as JToken only in internal members, because ConvertTo-Json,
    /// Export-Csv, Export-Clixml and Select-Object read every public property and fail on or leak
    /// JToken internals (docs/architecture.md, Output types).
    /// </summary>
    internal static class PlainJson
    {
        /// <summary>
        /// Builds the value a JSON object becomes from its fields, in the order the server sent them.
        /// The models know nothing of PowerShell (docs/architecture.md, "Layers"): by default an object
        /// is a case-insensitive OrderedDictionary, and the module, when imported, makes it a
        /// PSCustomObject (src/CaseOps/Cmdlets/Common/PowerShellJson.cs).
        /// </summary>
        internal static Func<IReadOnlyList<KeyValuePair<string, object?>>, object> ObjectBuilder { get; set; } = DictionaryOf;

        public static object? ToPlain(JToken? token)
        {
            switch (token)
            {
                case null: return null;
                case JValue value: return Scalar(value.Value);
                case JArray array: return array.Select(ToPlain).ToArray();
                case JObject json:
                    return ObjectBuilder(json.Properties().Select(p => new KeyValuePair<string, object?>(p.Name, ToPlain(p.Value))).ToList());
                default: return token.ToString();
            }
        }

        /// <summary>
        /// Fields kept as received (an object's JSON extension data) as a new, case-insensitive
        /// dictionary of plain values, in the order the server sent them. Changing it changes nothing.
        /// </summary>
        public static OrderedDictionary ToDictionary(IDictionary<string, JToken>? fields) =>
            DictionaryOf(fields?.Select(f => new KeyValuePair<string, object?>(f.Key, ToPlain(f.Value))).ToList()
                ?? new List<KeyValuePair<string, object?>>());

        private static OrderedDictionary DictionaryOf(IReadOnlyList<KeyValuePair<string, object?>> fields)
        {
            var result = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
            foreach (var field in fields)
                result[field.Key] = field.Value;
            return result;
        }

        private static object? Scalar(object? value)
        {
            switch (value)
            {
                case null:
                case string _:
                case bool _:
                case long _:
                case int _:
                case double _:
                case decimal _:
                case DateTime _:
                case DateTimeOffset _:
                case System.Numerics.BigInteger _:   // a whole number too large for long
                    return value;
                case byte[] bytes: return Convert.ToBase64String(bytes);
                case IFormattable formattable: return formattable.ToString(null, CultureInfo.InvariantCulture);   // Guid, TimeSpan
                default: return value.ToString();   // Uri
            }
        }
    }
}
