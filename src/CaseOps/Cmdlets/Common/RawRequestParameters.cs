using System.Collections;
using System.Globalization;
using System.Linq;
using CaseOps.Generic;
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

        /// <summary>
        /// The ErrorRecord for a request the engine refused, in words that name Invoke-CaseOpsRequest's
        /// parameters (docs/architecture.md, "Layers"): a page that is not a list is NotAListing, anything
        /// else InvalidRequestArgument.
        /// </summary>
        public static ErrorRecord ErrorRecordFor(RawRequestException ex, object? target)
        {
            var message = Message(ex);
            return ex.Problem == RawRequestProblem.NotAListing
                ? new ErrorRecord(new InvalidOperationException(message, ex), "NotAListing", ErrorCategory.InvalidResult, target)
                : new ErrorRecord(new ArgumentException(message, ex), "InvalidRequestArgument", ErrorCategory.InvalidArgument, target);
        }

        private static string Message(RawRequestException ex)
        {
            switch (ex.Problem)
            {
                case RawRequestProblem.EmptyPath:
                    return "-Path is empty; give a path below the connection's base URL, such as v1/cases/7 or tickets/12.";
                case RawRequestProblem.AbsoluteUrl:
                    return $"'{ex.Value}' is an absolute URL. -Path takes a path relative to the connection's base URL (such as v1/cases/7 or tickets/12), "
                        + "so the connection's credentials are never sent to another host; to call another server, connect to it.";
                case RawRequestProblem.NoResource:
                    return "-Path names no resource; give a path below the connection's base URL, such as v1/cases or tickets.";
                case RawRequestProblem.PagingNeedsGet:
                    return "-All follows the paging of GET requests only.";
                case RawRequestProblem.InvalidPageSize:
                    return $"The query parameter {ex.Value} is not a page size: -All needs a whole number of at least 1.";
                case RawRequestProblem.NotAListing:
                    return $"{ex.Value} did not answer a list (a JSON array, or an object holding one), so -All cannot page it. Run it without -All.";
                default:
                    return ex.Message;
            }
        }

        private static object? Unwrap(object? value) =>
            value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : value;
    }
}
