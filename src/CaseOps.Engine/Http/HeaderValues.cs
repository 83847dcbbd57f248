using System.Globalization;
using System.Linq;
using RestSharp;

namespace CaseOps.Http
{
    /// <summary>
    /// What HTTP header values can carry: printable ASCII and tab. Anything else (an umlaut in an
    /// X-On-Behalf-Of login, a line break) makes the send fail on the client, which would look like a
    /// transport failure and be retried; it is refused before any send instead (docs/architecture.md, "Errors").
    /// </summary>
    internal static class HeaderValues
    {
        /// <summary>Why <paramref name="value"/> cannot be sent in the header <paramref name="name"/>, or null when it can.</summary>
        public static string? Problem(string name, string? value)
        {
            var i = value == null ? -1 : FirstUncarried(value);
            if (i < 0)
                return null;
            // A credential's characters are part of the secret: say where, not what.
            if (IsSecret(name))
                return $"the {name} header, built from the credentials, has a character at position {i + 1} that HTTP headers cannot carry (they carry printable ASCII characters only)";
            return string.Format(CultureInfo.InvariantCulture,
                "the value '{0}' of the {1} header has the character U+{2:X4} at position {3}, which HTTP headers cannot carry (they carry printable ASCII characters only)",
                ServerText.Cap(value, 200), name, (int)value![i], i + 1);
        }

        /// <summary>Whether every character of <paramref name="value"/> can go in a header.</summary>
        public static bool CanCarry(string value) => FirstUncarried(value) < 0;

        private static int FirstUncarried(string value)
        {
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (c != '\t' && (c < ' ' || c > '~'))
                    return i;
            }
            return -1;
        }

        /// <summary>The first header of <paramref name="request"/> that cannot be sent, with the reason; null when all can.</summary>
        public static (string Name, string Problem)? FirstInvalid(RestRequest request)
        {
            foreach (var header in request.Parameters.OfType<HeaderParameter>())
            {
                if (header.Name != null && Problem(header.Name, header.Value?.ToString()) is { } problem)
                    return (header.Name, problem);
            }
            return null;
        }

        /// <summary>
        /// Sets a header the client builds itself (credentials, the login to act for). RestSharp refuses a line
        /// break in a header value with an exception that quotes the value, secret or not; such a value is
        /// refused here first with <see cref="UnsendableHeaderException"/>, which the client reports as a
        /// request that was not sent.
        /// </summary>
        public static void Set(RestRequest request, string name, string value)
        {
            if (Problem(name, value) is { } problem)
                throw new UnsendableHeaderException(name, problem);
            request.AddOrUpdateHeader(name, value);
        }

        private static bool IsSecret(string name) =>
            string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "Cookie", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A header the client built has a value no HTTP header can carry (see <see cref="HeaderValues.Set"/>).</summary>
    internal sealed class UnsendableHeaderException : Exception
    {
        /// <param name="header">The header's name.</param>
        /// <param name="problem">What is wrong with the value, from <see cref="HeaderValues.Problem"/>: the exception's message.</param>
        public UnsendableHeaderException(string header, string problem)
            : base(problem)
        {
            Header = header;
        }

        public string Header { get; }
    }
}
