using System.Linq;
using System.Net;
using System.Security;
using System.Text;
using CaseOps.Http;
using Newtonsoft.Json;
using RestSharp;

namespace CaseOps.Incydr
{
    /// <summary>
    /// The Incydr OAuth client-credentials token: fetched on first use, refreshed shortly before it
    /// expires, and fetched again once when the API answers 401. The secret stays in a SecureString
    /// and is decoded only to build the Basic header of the token request.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The gate is a SemaphoreSlim used only through WaitAsync/Release; it allocates no wait handle, so there is nothing to dispose, and the provider lives as long as its connection.")]
    internal sealed class IncydrTokenProvider : IRequestAuthenticator
    {
        private readonly ApiClient _api;
        private readonly string _clientId;
        private readonly SecureString _clientSecret;
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
        private volatile TokenState? _current;

        public IncydrTokenProvider(ApiClient api, string clientId, SecureString clientSecret)
        {
            _api = api;
            _clientId = clientId;
            _clientSecret = clientSecret.Copy();
            _clientSecret.MakeReadOnly();
        }

        public DateTimeOffset? ExpiresAt => _current?.ExpiresAt;

        /// <summary>The time the token's expiry and renewal are measured with; tests move it forward.</summary>
        internal Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

        public string? TenantId => _current?.TenantId;

        public async Task AuthenticateAsync(RestRequest request, IRequestLog log, CancellationToken cancellationToken)
        {
            var token = await GetTokenAsync(log, cancellationToken).ConfigureAwait(false);
            HeaderValues.Set(request, "Authorization", "Bearer " + token.AccessToken);
        }

        public async Task<bool> RefreshAsync(RestRequest request, IRequestLog log, CancellationToken cancellationToken)
        {
            var sent = request.Parameters.OfType<HeaderParameter>().FirstOrDefault(p => p.Name == "Authorization")?.Value?.ToString();
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // Another request may already have replaced the token this one was refused with.
                if (_current == null || "Bearer " + _current.AccessToken == sent)
                    _current = await FetchAsync(log, cancellationToken).ConfigureAwait(false);
                return true;
            }
            finally { _gate.Release(); }
        }

        public async Task<TokenState> GetTokenAsync(IRequestLog log, CancellationToken cancellationToken)
        {
            var token = _current;
            if (token != null && !token.IsDue(Clock()))
                return token;
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                token = _current;
                if (token == null)
                    token = _current = await FetchAsync(log, cancellationToken).ConfigureAwait(false);
                else if (token.IsDue(Clock()))
                    token = _current = await RenewAsync(token, log, cancellationToken).ConfigureAwait(false);
                return token;
            }
            finally { _gate.Release(); }
        }

        // A token is renewed before it expires (RenewalMargin); while it is still valid, a failed renewal
        // costs nothing but a warning: the current token is used and renewal tried again a little later
        // (docs/architecture.md, "Errors").
        private async Task<TokenState> RenewAsync(TokenState current, IRequestLog log, CancellationToken cancellationToken)
        {
            log.Verbose("Incydr token is due for renewal; fetching a new one");
            try
            {
                return await FetchAsync(log, cancellationToken).ConfigureAwait(false);
            }
            catch (CaseOpsApiException ex) when (current.ExpiresAt - Clock() > StillUsable)
            {
                var now = Clock();
                var retryAt = now + TimeSpan.FromTicks(Math.Min(RenewalRetryDelay.Ticks, (current.ExpiresAt - now).Ticks / 2));
                log.Warning($"Renewing the Incydr access token failed, so the current one is used; it is valid until {current.ExpiresAt:u}, and renewal is tried again after {retryAt:u}. {ex.Message}");
                return current.RenewNoSoonerThan(retryAt);
            }
        }

        // Left of a token's life for it to be worth using instead of failing the request.
        private static readonly TimeSpan StillUsable = TimeSpan.FromSeconds(5);

        // How long a failed renewal waits before the next try, so every request does not ask the token endpoint again.
        private static readonly TimeSpan RenewalRetryDelay = TimeSpan.FromSeconds(15);

        private async Task<TokenState> FetchAsync(IRequestLog log, CancellationToken cancellationToken)
        {
            // Asking for a token twice changes nothing on the server.
            var request = new ApiRequest("v1/oauth", Method.Post, RepeatPolicy.Repeatable);
            request.AddHeader("Authorization", Connections.SecureText.BasicHeader(_clientId, _clientSecret));
            request.AddQueryParameter("grant_type", "client_credentials");
            var requestedAt = Clock();
            RestResponse response;
            try
            {
                response = await _api.SendUnauthenticatedAsync(request, log, cancellationToken).ConfigureAwait(false);
            }
            catch (CaseOpsApiException ex) when (ex.StatusCode == 404)
            {
                // No token endpoint here: the address is not an Incydr API (docs/architecture.md, "Errors").
                // A request that was sent always has a request id (ApiClient sets its own on every attempt).
                throw new CaseOpsApiException(
                    $"There is no Incydr API at {_api.Options.BaseUri}: its token endpoint ({ex.Method} {ex.Resource}) answered 404. The address is the tenant's API address, such as https://api.us.code42.com. Request id: {ex.RequestId}.",
                    ex.StatusCode, ex.ErrorCode, ex.ServerMessage, ex.RequestId, ex.Method, ex.Resource, ex)
                {
                    ApiNotFound = true,
                };
            }
            catch (CaseOpsApiException ex) when (ex.StatusCode == 401 || ex.StatusCode == 400 || ex.StatusCode == 403)
            {
                // The token endpoint answers a wrong client id or secret with any of the three. The status
                // stays as it came; CredentialsRefused says what it means (docs/architecture.md, "Errors").
                throw new CaseOpsApiException(
                    $"Incydr at {_api.Options.BaseUri} refused the API client credentials for client id '{_clientId}' ({ex.StatusCode}).",
                    ex.StatusCode, ex.ErrorCode, ex.ServerMessage, ex.RequestId, ex.Method, ex.Resource, ex)
                {
                    CredentialsRefused = true,
                };
            }
            TokenResponse? body = null;
            if (!string.IsNullOrEmpty(response.Content))
            {
                // The server's text is not quoted back: a token answer is the one body that may hold a secret.
                try { body = JsonConvert.DeserializeObject<TokenResponse>(response.Content!); }
                catch (JsonException ex) { throw _api.UnusableAnswer(request, response, "Incydr's token endpoint answered with something other than a JSON token answer.", ex); }
            }
            if (body?.AccessToken == null)
                throw _api.UnusableAnswer(request, response, "Incydr's token endpoint answered without an access token.", null);
            // Sent back in every Authorization header: a character no header carries would fail each request
            // on the client, with the token in the exception's message.
            if (!HeaderValues.CanCarry(body.AccessToken))
                throw _api.UnusableAnswer(request, response, "Incydr's token endpoint answered with an access token that HTTP headers cannot carry (they carry printable ASCII characters only).", null);
            var lifetime = TimeSpan.FromSeconds(body.ExpiresIn > 0 ? body.ExpiresIn : 900);
            return new TokenState(body.AccessToken, requestedAt + lifetime, RenewalMargin(lifetime), ReadTenant(body.AccessToken));
        }

        // Renew a minute early, or a tenth of the lifetime for short-lived tokens.
        private static TimeSpan RenewalMargin(TimeSpan lifetime) =>
            TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(60).Ticks, lifetime.Ticks / 10));

        private static string? ReadTenant(string token)
        {
            var parts = token.Split('.');
            if (parts.Length != 3)
                return null;
            try
            {
                var payload = parts[1].Replace('-', '+').Replace('_', '/');
                payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
                var json = Newtonsoft.Json.Linq.JObject.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
                return json.Value<string>("tenantUid");
            }
            catch (Exception ex) when (ex is FormatException || ex is JsonException)
            {
                return null; // tokens are opaque (docs/contracts/incydr.md, Authentication and token lifetime); the tenant is a convenience
            }
        }

        internal sealed class TokenState
        {
            public TokenState(string accessToken, DateTimeOffset expiresAt, TimeSpan margin, string? tenantId)
                : this(accessToken, expiresAt, tenantId, expiresAt - margin)
            {
            }

            private TokenState(string accessToken, DateTimeOffset expiresAt, string? tenantId, DateTimeOffset renewAt)
            {
                AccessToken = accessToken;
                ExpiresAt = expiresAt;
                RenewAt = renewAt;
                TenantId = tenantId;
            }

            public string AccessToken { get; }
            public DateTimeOffset ExpiresAt { get; }
            public DateTimeOffset RenewAt { get; }
            public string? TenantId { get; }
            public bool IsDue(DateTimeOffset now) => now >= RenewAt;

            /// <summary>The same token, not due for renewal before <paramref name="renewAt"/>.</summary>
            public TokenState RenewNoSoonerThan(DateTimeOffset renewAt) => new TokenState(AccessToken, ExpiresAt, TenantId, renewAt);
        }

        private sealed class TokenResponse
        {
            [JsonProperty("access_token")] public string? AccessToken { get; set; }
            [JsonProperty("expires_in")] public int ExpiresIn { get; set; }
        }
    }
}
