using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Newtonsoft.Json;

namespace CaseOps.Cmdlets.Common
{
    /// <summary>Turns Invoke-CaseOpsRequest's -Query and -Body (PowerShell values) into query pairs and JSON text.</summary>
    internal static class RawRequestParameters
    {
        /// <summary>Query parameters from a hashtable: arrays repeat the key, $null values are left out.</summary>
        public static IReadOnlyList<KeyValuePair<string, string>> QueryPairs(IDictionary? query)
        {
            var pairs = new List<KeyValuePair<string, string>>();
            if (query == null)
                return pairs;
            foreach (DictionaryEntry entry in query)
            {
                var name = Convert.ToString(Unwrap(entry.Key), CultureInfo.InvariantCulture);
                if (string.IsNullOrEmpty(name))
                    throw new ArgumentException("-Query has an empty parameter name.");
                var value = Unwrap(entry.Value);
                if (value == null)
                    continue;
                if (value is IDictionary)
                    throw new ArgumentException($"The value of the query parameter '{name}' is a hashtable; query values must be text, numbers, booleans, dates or arrays of them.");
                if (value is IEnumerable sequence && !(value is string))
                {
                    foreach (var item in sequence.Cast<object?>().Select(Unwrap).Where(i => i != null))
                        pairs.Add(new KeyValuePair<string, string>(name!, QueryText(item!)));
                }
                else
                {
                    pairs.Add(new KeyValuePair<string, string>(name!, QueryText(value)));
                }
            }
            return pairs;
        }

        private static string QueryText(object value)
        {
            switch (value)
            {
                case string text: return text;
                case bool flag: return flag ? "true" : "false"; // the APIs' spelling
                case DateTimeOffset instant: return instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
                case DateTime time: return time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
                case Enum named: return named.ToString();
                case IFormattable formattable: return formattable.ToString(null, CultureInfo.InvariantCulture);
                default: return value.ToString() ?? string.Empty;
            }
        }

        /// <summary>The body as JSON text: a string is taken as JSON as it is; anything else is serialized.</summary>
        public static string BodyText(object? body)
        {
            var value = Unwrap(body);
            if (value is string text)
                return text;
            var token = PowerShellJson.FromPowerShell(body);
            return JsonConvert.SerializeObject(token, Formatting.None, CaseOps.Http.NewtonsoftRestSerializer.Settings);
        }

        private static object? Unwrap(object? value) =>
            value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : value;
    }
}
