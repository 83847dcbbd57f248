using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Newtonsoft.Json.Linq;

namespace CaseOps.Json
{
    /// <summary>
    /// JSON values as plain PowerShell values: strings, numbers, booleans, dates and null as
    /// themselves, arrays as object[], objects as PSCustomObject. Output objects keep what they
    /// received as JToken only in internal members, because ConvertTo-Json, Export-Csv,
    /// Export-Clixml and Select-Object read every public property, hidden or not, and fail on or
    /// leak JToken internals (docs/architecture.md, Output types).
    /// </summary>
    internal static class PlainJson
    {
        public static object? ToPlain(JToken? token)
        {
            switch (token)
            {
                case null: return null;
                case JValue value: return Scalar(value.Value);
                case JArray array: return array.Select(ToPlain).ToArray();
                case JObject json:
                    var result = new PSObject();
                    foreach (var property in json.Properties())
                        result.Properties.Add(new PSNoteProperty(property.Name, ToPlain(property.Value)));
                    return result;
                default: return token.ToString();
            }
        }

        /// <summary>
        /// Fields kept as received (an object's JSON extension data) as a new, case-insensitive
        /// dictionary of plain values, in the order the server sent them. Changing it changes nothing.
        /// </summary>
        public static OrderedDictionary ToDictionary(IDictionary<string, JToken>? fields)
        {
            var result = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
            if (fields != null)
            {
                foreach (var field in fields)
                    result[field.Key] = ToPlain(field.Value);
            }
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
