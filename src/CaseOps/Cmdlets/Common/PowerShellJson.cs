using System.Collections;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace CaseOps.Cmdlets.Common
{
    /// <summary>Converts between JSON values and what PowerShell users read and write.</summary>
    internal static class PowerShellJson
    {
        /// <summary>
        /// Makes the models' plain JSON values PowerShell's: a JSON object becomes a PSCustomObject, in
        /// what cmdlets write and in what the models' GetAdditionalProperties() and GetCustomFields()
        /// return. Called when the module is imported; the models themselves know nothing of PowerShell
        /// (docs/architecture.md, "Layers").
        /// </summary>
        public static void Install() => CaseOps.Json.PlainJson.ObjectBuilder = ToCustomObject;

        /// <summary>A JSON value as a PowerShell value: scalars as .NET values, arrays as object[], objects as PSCustomObject.</summary>
        public static object? ToPowerShell(JToken? token) => CaseOps.Json.PlainJson.ToPlain(token);

        /// <summary>The fields of a JSON object, already plain, as a PSCustomObject.</summary>
        internal static object ToCustomObject(IReadOnlyList<KeyValuePair<string, object?>> fields)
        {
            var result = new PSObject();
            foreach (var field in fields)
                result.Properties.Add(new PSNoteProperty(field.Key, field.Value));
            return result;
        }

        /// <summary>A PowerShell value (hashtable, PSCustomObject, array, scalar) as JSON.</summary>
        public static JToken FromPowerShell(object? value)
        {
            value = value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : value;
            switch (value)
            {
                case null: return JValue.CreateNull();
                case JToken token: return token;
                case string text: return new JValue(text);
                case IDictionary dictionary:
                    var fromDictionary = new JObject();
                    foreach (DictionaryEntry entry in dictionary)
                        fromDictionary[Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty] = FromPowerShell(entry.Value);
                    return fromDictionary;
                case PSObject custom:
                    var fromObject = new JObject();
                    foreach (var property in custom.Properties)
                        fromObject[property.Name] = FromPowerShell(property.Value);
                    return fromObject;
                case IEnumerable sequence:
                    return new JArray(sequence.Cast<object?>().Select(FromPowerShell));
                default:
                    return JToken.FromObject(value);
            }
        }

        /// <summary>A hashtable of wire names and values as JSON fields.</summary>
        public static IEnumerable<KeyValuePair<string, JToken>> Fields(IDictionary? properties)
        {
            if (properties == null)
                yield break;
            foreach (DictionaryEntry entry in properties)
                yield return new KeyValuePair<string, JToken>(Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, FromPowerShell(entry.Value));
        }
    }
}
