using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using RestSharp;

namespace CaseOps.Generic
{
    /// <summary>
    /// A request spelled out by the caller of Invoke-CaseOpsRequest: a method, a path below the
    /// connection's base URL, query parameters and a JSON body. Checked when it is made, so a bad
    /// path or value fails before anything is sent.
    /// </summary>
    internal sealed class RawRequest
    {
        // A scheme ("https:", "mailto:") before the first slash makes a path absolute.
        private static readonly Regex Scheme = new Regex(@"^[A-Za-z][A-Za-z0-9+.\-]*:", RegexOptions.CultureInvariant);

        private RawRequest(string method, string path, IReadOnlyList<KeyValuePair<string, string>> query, string? body)
        {
            Method = method;
            Path = path;
            Query = query;
            Body = body;
        }

        /// <summary>The method in upper case: GET, POST, PUT, PATCH or DELETE.</summary>
        public string Method { get; }

        /// <summary>True for GET, the one method that reads and pages.</summary>
        public bool IsGet => Method == "GET";

        /// <summary>The path relative to the base URL, without a leading slash (it may carry a query string).</summary>
        public string Path { get; }

        public IReadOnlyList<KeyValuePair<string, string>> Query { get; }

        /// <summary>The JSON body text, or null for none.</summary>
        public string? Body { get; }

        /// <summary>"GET tickets/12": how messages name the request.</summary>
        public string Description => Method + " " + Path;

        /// <summary>The method in upper case; throws <see cref="ArgumentException"/> for one the API does not use.</summary>
        public static string ParseMethod(string name)
        {
            var method = (name ?? string.Empty).Trim().ToUpperInvariant();
            if (ToRestMethod(method) == null)
                throw new ArgumentException($"'{name}' is not a supported method; use GET, POST, PUT, PATCH or DELETE.");
            return method;
        }

        private static Method? ToRestMethod(string method)
        {
            switch (method)
            {
                case "GET": return RestSharp.Method.Get;
                case "POST": return RestSharp.Method.Post;
                case "PUT": return RestSharp.Method.Put;
                case "PATCH": return RestSharp.Method.Patch;
                case "DELETE": return RestSharp.Method.Delete;
                default: return null;
            }
        }

        /// <summary>Checks the path; throws <see cref="RawRequestException"/>.</summary>
        public static RawRequest Create(string method, string path, IReadOnlyList<KeyValuePair<string, string>> query, string? body) =>
            new RawRequest(ParseMethod(method), NormalizePath(path), query, body);

        /// <summary>
        /// A path relative to the base URL. Absolute and protocol-relative URLs are refused, so the
        /// connection's credentials only ever go to its own host.
        /// </summary>
        public static string NormalizePath(string? path)
        {
            var text = (path ?? string.Empty).Trim();
            if (text.Length == 0)
                throw new RawRequestException(RawRequestProblem.EmptyPath, text,
                    "The path is empty; give a path below the connection's base URL, such as v1/cases/7 or tickets/12.");
            if (Scheme.IsMatch(text) || text.StartsWith("//", StringComparison.Ordinal) || text.StartsWith("\\", StringComparison.Ordinal)
                || text.StartsWith("/\\", StringComparison.Ordinal))
                throw new RawRequestException(RawRequestProblem.AbsoluteUrl, text,
                    $"'{text}' is an absolute URL. A request takes a path relative to the connection's base URL (such as v1/cases/7 or tickets/12), "
                    + "so the connection's credentials are never sent to another host; to call another server, connect to it.");
            if (text[0] == '/')
                text = text.Substring(1); // one leading slash is tolerated: the path stays below the base URL
            if (text.Length == 0 || text[0] == '?')
                throw new RawRequestException(RawRequestProblem.NoResource, text,
                    "The path names no resource; give a path below the connection's base URL, such as v1/cases or tickets.");
            return text;
        }

        /// <summary>A copy with other query parameters (for paging).</summary>
        public RawRequest WithQuery(IReadOnlyList<KeyValuePair<string, string>> query) => new RawRequest(Method, Path, query, Body);

        /// <summary>The RestSharp request: path, query parameters in order, the JSON body.</summary>
        public RestRequest ToRestRequest()
        {
            var request = new RestRequest(Path, ToRestMethod(Method)!.Value);
            foreach (var pair in Query)
                request.AddQueryParameter(pair.Key, pair.Value);
            if (Body != null)
                request.AddStringBody(Body, ContentType.Json);
            return request;
        }
    }
}
