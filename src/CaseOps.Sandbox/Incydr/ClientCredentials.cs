using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace CaseOps.Sandbox.Incydr;

/// <summary>Client id and secret presented to a token endpoint.</summary>
/// <param name="ClientId">API client id.</param>
/// <param name="ClientSecret">API client secret.</param>
public sealed record ClientCredentials(string ClientId, string ClientSecret)
{
    /// <summary>
    /// Reads HTTP Basic credentials, falling back to the form fields <c>client_id</c>/<c>client_secret</c>.
    /// Returns false only for a malformed Basic header (a 400); absent credentials give true and null.
    /// </summary>
    public static bool TryRead(HttpRequest request, IFormCollection? form, out ClientCredentials? credentials)
    {
        credentials = null;
        var header = request.Headers.Authorization.ToString();
        if (AuthenticationHeaderValue.TryParse(header, out var parsed)
            && string.Equals(parsed.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parsed.Parameter ?? string.Empty));
            }
            catch (FormatException)
            {
                return false;
            }

            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                return false;
            }

            credentials = new ClientCredentials(decoded[..colon], decoded[(colon + 1)..]);
            return true;
        }

        if (form is not null && form.TryGetValue("client_id", out var id) && form.TryGetValue("client_secret", out var secret))
        {
            credentials = new ClientCredentials(id.ToString(), secret.ToString());
        }

        return true;
    }
}
