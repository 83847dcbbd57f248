using CaseOps.Connections;
using CaseOps.Http;
using CaseOps.Incydr;
using CaseOps.Tests.Infrastructure;
using Newtonsoft.Json;
using Xunit;

namespace CaseOps.Tests.Http;

/// <summary>
/// The Incydr token (src/CaseOps.Engine/Incydr/IncydrTokenProvider.cs): fetched once and shared, renewed a
/// minute (or a tenth of its life) before it expires, fetched again once after a 401, and kept a little
/// longer when a renewal fails while it is still valid (docs/architecture.md, "Errors").
/// </summary>
public sealed class TokenProviderTests : IClassFixture<SandboxFixture>
{
    private const string Oauth = "/v1/oauth";
    private static readonly DateTimeOffset T0 = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private readonly SandboxFixture _sandbox;

    public TokenProviderTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
    }

    /// <summary>A connection whose token clock reads <paramref name="now"/>; the first token is fetched at T0.</summary>
    private IncydrConnection Connect(Func<DateTimeOffset> now, Action<ApiClientOptions>? configure = null)
    {
        var connection = TestConnections.Incydr(_sandbox.Host, configure);
        connection.Tokens.Clock = now;
        return connection;
    }

    private int TokenRequests => _sandbox.Host.Requests.Count("POST", Oauth);

    private Task GetCase(IncydrConnection connection, IRequestLog? log = null) =>
        new CaseService(connection, log ?? RequestLog.None).GetAsync(1, CancellationToken.None);

    /// <summary>A connection holding a token the emulator no longer accepts, with the request log cleared.</summary>
    private async Task<IncydrConnection> ConnectWithATokenTheServerForgot()
    {
        var connection = TestConnections.Incydr(_sandbox.Host);
        await GetCase(connection);
        _sandbox.Host.Tokens.ExpireAll();
        _sandbox.Host.Requests.Clear();
        return connection;
    }

    [Fact]
    public async Task A_token_serves_every_call_until_a_minute_before_it_expires()
    {
        var now = T0;
        using var connection = Connect(() => now);
        var log = new CapturingLog(debug: false);

        for (var i = 0; i < 5; i++)
            await GetCase(connection, log);
        Assert.Equal(1, TokenRequests);
        Assert.Equal(T0.AddSeconds(900), connection.TokenExpiresAt);

        now = T0.AddSeconds(840).AddTicks(-1);
        await GetCase(connection, log);
        Assert.Equal(1, TokenRequests);
        Assert.DoesNotContain("V Incydr token is due for renewal; fetching a new one", log.Lines);

        now = T0.AddSeconds(840);
        await GetCase(connection, log);
        await GetCase(connection, log);
        Assert.Equal(2, TokenRequests);
        Assert.Equal(T0.AddSeconds(840 + 900), connection.TokenExpiresAt);
        Assert.Single(log.Lines, l => l == "V Incydr token is due for renewal; fetching a new one");
        Assert.Equal(8, _sandbox.Host.Requests.Count("GET", "/v1/cases/1"));
        Assert.Equal(0, _sandbox.Host.Requests.Count(e => e.StatusCode == 401));
    }

    [Fact]
    public async Task A_short_lived_token_is_renewed_a_tenth_of_its_life_before_it_expires()
    {
        var before = _sandbox.Host.Tokens.Lifetime;
        _sandbox.Host.Tokens.Lifetime = TimeSpan.FromSeconds(30);
        try
        {
            var now = T0;
            using var connection = Connect(() => now);
            await GetCase(connection);
            Assert.Equal(T0.AddSeconds(30), connection.TokenExpiresAt);

            now = T0.AddSeconds(27).AddTicks(-1);
            await GetCase(connection);
            Assert.Equal(1, TokenRequests);

            now = T0.AddSeconds(27);
            await GetCase(connection);
            Assert.Equal(2, TokenRequests);
        }
        finally
        {
            _sandbox.Host.Tokens.Lifetime = before;
        }
    }

    [Fact]
    public async Task A_token_past_its_lifetime_is_replaced_before_it_is_used()
    {
        var before = _sandbox.Host.Tokens.Lifetime;
        _sandbox.Host.Tokens.Lifetime = TimeSpan.FromSeconds(1);
        try
        {
            using var connection = TestConnections.Incydr(_sandbox.Host);
            await GetCase(connection);
            var first = connection.TokenExpiresAt;

            await Task.Delay(TimeSpan.FromMilliseconds(1200));
            await GetCase(connection);

            Assert.Equal(2, TokenRequests);
            Assert.True(connection.TokenExpiresAt > first);
            Assert.Equal(0, _sandbox.Host.Requests.Count(e => e.StatusCode == 401));   // renewed by the client's clock, not after a refusal
            Assert.Equal(2, _sandbox.Host.Requests.Count("GET", "/v1/cases/1"));
        }
        finally
        {
            _sandbox.Host.Tokens.Lifetime = before;
        }
    }

    [Fact]
    public async Task A_401_fetches_exactly_one_new_token_and_sends_the_request_once_more()
    {
        using var connection = await ConnectWithATokenTheServerForgot();
        var log = new CapturingLog(debug: false);

        await GetCase(connection, log);

        Assert.Equal(
            ["GET /v1/cases/1 401", "POST /v1/oauth 200", "GET /v1/cases/1 200"],
            _sandbox.Host.Requests.Entries.Select(e => $"{e.Method} {e.Path} {e.StatusCode}"));
        Assert.Single(log.Lines, l => l == "V Incydr answered 401; replaying GET v1/cases/1 once with a fresh token");
    }

    [Fact]
    public async Task A_second_401_after_the_new_token_ends_the_call_without_a_third_attempt()
    {
        using var connection = TestConnections.Incydr(_sandbox.Host);
        await GetCase(connection);
        _sandbox.Host.Requests.Clear();
        _sandbox.Host.Faults.FailNext(2, 401);

        var error = await Assert.ThrowsAsync<CaseOpsApiException>(() => GetCase(connection));

        Assert.Equal(401, error.StatusCode);
        Assert.False(error.CredentialsRefused);   // the API refused the token, not the token endpoint the credentials
        Assert.Equal(
            ["GET /v1/cases/1 401", "POST /v1/oauth 200", "GET /v1/cases/1 401"],
            _sandbox.Host.Requests.Entries.Select(e => $"{e.Method} {e.Path} {e.StatusCode}"));
    }

    [Fact]
    public async Task Concurrent_first_callers_share_one_token_fetch()
    {
        using var connection = TestConnections.Incydr(_sandbox.Host);
        _sandbox.Host.Faults.FaultTokenEndpoint = true;
        _sandbox.Host.Faults.Latency = TimeSpan.FromMilliseconds(300);   // every caller arrives while the fetch is on its way

        var tokens = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => connection.Tokens.GetTokenAsync(RequestLog.None, CancellationToken.None))));

        Assert.Equal(1, TokenRequests);
        Assert.All(tokens, t => Assert.Same(tokens[0], t));
    }

    [Fact]
    public async Task Concurrent_calls_refused_with_the_same_token_fetch_one_new_token()
    {
        using var connection = await ConnectWithATokenTheServerForgot();
        _sandbox.Host.Faults.Latency = TimeSpan.FromMilliseconds(200);   // all are sent with the old token before the first 401 comes back

        await Task.WhenAll(Enumerable.Range(1, 6).Select(n => Task.Run(() => new CaseService(connection).GetAsync(n, CancellationToken.None))));

        var refused = _sandbox.Host.Requests.Count(e => e.StatusCode == 401);
        Assert.InRange(refused, 2, 6);   // without two refusals at once this test proves nothing
        Assert.Equal(1, TokenRequests);
        Assert.Equal(6, _sandbox.Host.Requests.Count(e => e.Method == "GET" && e.StatusCode == 200));
    }

    [Theory]
    [InlineData(50, 15)]   // the next try after 15 s
    [InlineData(20, 10)]   // or after half the time left, when that is sooner
    public async Task A_failed_renewal_of_a_valid_token_keeps_it_and_tries_again_later(int secondsLeft, int retryAfter)
    {
        var now = T0;
        using var connection = Connect(() => now, o => o.MaxRetries = 0);
        await GetCase(connection);
        var expiresAt = connection.TokenExpiresAt!.Value;
        now = expiresAt.AddSeconds(-secondsLeft);
        _sandbox.Host.Faults.FaultTokenEndpoint = true;
        _sandbox.Host.Faults.FailNext(1, 503);
        var log = new CapturingLog(debug: false);

        await GetCase(connection, log);
        await GetCase(connection, log);
        var retryAt = now.AddSeconds(retryAfter);
        now = retryAt.AddTicks(-1);
        await GetCase(connection, log);
        Assert.Equal(2, TokenRequests);   // the first and the failed renewal

        now = retryAt;
        await GetCase(connection, log);

        Assert.Equal(3, TokenRequests);
        Assert.Equal(now.AddSeconds(900), connection.TokenExpiresAt);
        var warning = Assert.Single(log.Lines, l => l.StartsWith("W ", StringComparison.Ordinal));
        Assert.StartsWith(
            $"W Renewing the Incydr access token failed, so the current one is used; it is valid until {expiresAt:u}, and renewal is tried again after {retryAt:u}. Incydr answered 503 ServiceUnavailable to POST v1/oauth",
            warning);
    }

    [Theory]
    [InlineData(0, false)]     // 5 s left: too little to be worth using
    [InlineData(-1, true)]     // a tick more than 5 s left
    public async Task A_failed_renewal_keeps_the_token_only_with_more_than_5_seconds_left(long ticksPast5Seconds, bool kept)
    {
        var now = T0;
        using var connection = Connect(() => now, o => o.MaxRetries = 0);
        await GetCase(connection);
        now = connection.TokenExpiresAt!.Value.AddSeconds(-5).AddTicks(ticksPast5Seconds);
        _sandbox.Host.Faults.FaultTokenEndpoint = true;
        _sandbox.Host.Faults.FailNext(1, 503);
        var log = new CapturingLog(debug: false);

        var error = await Record.ExceptionAsync(() => GetCase(connection, log));

        if (kept)
        {
            Assert.Null(error);
            Assert.Single(log.Lines, l => l.StartsWith("W ", StringComparison.Ordinal));
        }
        else
        {
            Assert.Equal(503, Assert.IsType<CaseOpsApiException>(error).StatusCode);
            Assert.DoesNotContain(log.Lines, l => l.StartsWith("W ", StringComparison.Ordinal));
        }
        Assert.Equal(kept ? 2 : 1, _sandbox.Host.Requests.Count("GET", "/v1/cases/1"));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    public async Task Credentials_the_token_endpoint_refuses_are_named_with_the_client_id(int status)
    {
        using var connection = TestConnections.Incydr(_sandbox.Host);
        _sandbox.Host.Faults.FaultTokenEndpoint = true;
        _sandbox.Host.Faults.FailNext(1, status);

        var error = await Assert.ThrowsAsync<CaseOpsApiException>(() => connection.Tokens.GetTokenAsync(RequestLog.None, CancellationToken.None));

        Assert.Equal($"Incydr at {_sandbox.Host.IncydrBaseUri} refused the API client credentials for client id '{_sandbox.Host.Options.ClientId}' ({status}).", error.Message);
        Assert.True(error.CredentialsRefused);
        Assert.False(error.ApiNotFound);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(Assert.Single(_sandbox.Host.Requests.Entries).RequestId, error.RequestId);
        Assert.Null(connection.TokenExpiresAt);
    }

    [Fact]
    public async Task A_404_from_the_token_endpoint_says_there_is_no_Incydr_API_there()
    {
        using var connection = TestConnections.Incydr(_sandbox.Host);
        _sandbox.Host.Faults.FaultTokenEndpoint = true;
        _sandbox.Host.Faults.FailNext(1, 404);

        var error = await Assert.ThrowsAsync<CaseOpsApiException>(() => connection.Tokens.GetTokenAsync(RequestLog.None, CancellationToken.None));

        var id = Assert.Single(_sandbox.Host.Requests.Entries).RequestId;
        Assert.Equal(
            $"There is no Incydr API at {_sandbox.Host.IncydrBaseUri}: its token endpoint (POST v1/oauth) answered 404. The address is the tenant's API address, such as https://api.us.code42.com. Request id: {id}.",
            error.Message);
        Assert.True(error.ApiNotFound);
        Assert.False(error.CredentialsRefused);
    }

    [Fact]
    public async Task A_server_error_from_the_token_endpoint_is_neither_refused_credentials_nor_a_missing_API()
    {
        using var connection = TestConnections.Incydr(_sandbox.Host, o => o.MaxRetries = 0);
        _sandbox.Host.Faults.FaultTokenEndpoint = true;
        _sandbox.Host.Faults.FailNext(1, 500);

        var error = await Assert.ThrowsAsync<CaseOpsApiException>(() => connection.Tokens.GetTokenAsync(RequestLog.None, CancellationToken.None));

        Assert.Equal(500, error.StatusCode);
        Assert.False(error.CredentialsRefused);
        Assert.False(error.ApiNotFound);
    }

    [Fact]
    public async Task The_secret_is_copied_so_the_callers_may_dispose_theirs()
    {
        var secret = TestConnections.Secure(_sandbox.Host.Options.ClientSecret);
        using var connection = new IncydrConnection(new ApiClientOptions(_sandbox.Host.IncydrBaseUri), _sandbox.Host.Options.ClientId, secret);
        secret.Dispose();

        var token = await connection.Tokens.GetTokenAsync(RequestLog.None, CancellationToken.None);

        Assert.Equal(_sandbox.Host.Options.TenantUid, token.TenantId);
    }

    [Theory]
    [InlineData("{\"access_token\":\"opaque\",\"expires_in\":0}", 900)]
    [InlineData("{\"access_token\":\"opaque\",\"expires_in\":-5}", 900)]
    [InlineData("{\"access_token\":\"opaque\"}", 900)]
    [InlineData("{\"access_token\":\"opaque\",\"expires_in\":1}", 1)]
    [InlineData("{\"access_token\":\"opaque\",\"expires_in\":120}", 120)]
    public async Task A_token_without_a_lifetime_lasts_15_minutes(string answer, int seconds)
    {
        await using var stub = new StubServer((_, _) => StubAnswer.Ok(answer));
        using var connection = TestConnections.Incydr(stub.BaseUri, "client", "secret");
        connection.Tokens.Clock = () => T0;

        var token = await connection.Tokens.GetTokenAsync(RequestLog.None, CancellationToken.None);

        Assert.Equal("opaque", token.AccessToken);
        Assert.Equal(T0.AddSeconds(seconds), token.ExpiresAt);
        Assert.Null(token.TenantId);   // an opaque token names no tenant
        var request = Assert.Single(stub.Received);
        Assert.Equal("POST /v1/oauth", request.Method + " " + request.Path);
        Assert.Equal("Basic " + Convert.ToBase64String("client:secret"u8.ToArray()), request.Headers["Authorization"]);
    }

    [Theory]
    [InlineData("{\"expires_in\":900}")]
    [InlineData("{\"access_token\":null}")]
    [InlineData("")]
    public async Task A_token_answer_without_a_token_is_an_error(string answer)
    {
        var (error, sentId) = await TokenFetchFailure(answer);

        Assert.Equal("Incydr's token endpoint answered without an access token. Request id: " + sentId + ".", error.Message);
        Assert.Equal(200, error.StatusCode);
        Assert.Equal("POST", error.Method);
        Assert.Equal("v1/oauth", error.Resource);
        Assert.Equal(sentId, error.RequestId);
    }

    [Theory]
    [InlineData("<html><body>Sign in</body></html>")]
    [InlineData("{\"access_token\":{\"value\":\"x\"}}")]
    [InlineData("{\"access_token\":\"x\",\"expires_in\":\"soon\"}")]
    [InlineData("[\"secret-looking-text\"]")]
    public async Task A_token_answer_that_is_not_a_JSON_token_answer_is_an_error_that_does_not_quote_it(string answer)
    {
        var (error, sentId) = await TokenFetchFailure(answer);

        Assert.Equal("Incydr's token endpoint answered with something other than a JSON token answer. Request id: " + sentId + ".", error.Message);
        Assert.Equal(200, error.StatusCode);
        Assert.IsAssignableFrom<Newtonsoft.Json.JsonException>(error.InnerException);
    }

    [Theory]
    [InlineData("line\nbreak")]
    [InlineData("carriage\rreturn")]
    [InlineData("t\u00f6ken")]
    public async Task An_access_token_no_header_can_carry_is_an_error_that_does_not_quote_it(string token)
    {
        // Sent as is, RestSharp would refuse the line break with an exception that quotes the whole header.
        var (error, sentId) = await TokenFetchFailure(JsonConvert.SerializeObject(new { access_token = token, expires_in = 900 }));

        Assert.Equal("Incydr's token endpoint answered with an access token that HTTP headers cannot carry (they carry printable ASCII characters only). Request id: " + sentId + ".", error.Message);
        Assert.Equal(200, error.StatusCode);
    }

    [Fact]
    public async Task The_token_request_asks_for_the_client_credentials_grant()
    {
        // docs/contracts/incydr.md, "Authentication": POST v1/oauth?grant_type=client_credentials, Basic header, no body.
        using var connection = TestConnections.Incydr(_sandbox.Host);

        await connection.Tokens.GetTokenAsync(RequestLog.None, CancellationToken.None);

        var request = Assert.Single(_sandbox.Host.Requests.Entries);
        Assert.Equal("POST", request.Method);
        Assert.Equal(Oauth, request.Path);
        Assert.Equal("?grant_type=client_credentials", request.QueryString);
    }

    [Theory]
    [InlineData("header.%%%.signature")]              // a payload that is not base64
    [InlineData("header.bm90IGpzb24.signature")]      // base64 of "not json"
    [InlineData("header.WyJhbiBhcnJheSJd.signature")] // base64 of ["an array"]
    [InlineData("only.two")]
    public async Task A_token_that_is_not_a_readable_JWT_still_works_and_names_no_tenant(string accessToken)
    {
        await using var stub = new StubServer((_, _) => StubAnswer.Ok("{\"access_token\":\"" + accessToken + "\",\"expires_in\":900}"));
        using var connection = TestConnections.Incydr(stub.BaseUri, "client", "secret");

        var token = await connection.Tokens.GetTokenAsync(RequestLog.None, CancellationToken.None);

        Assert.Equal(accessToken, token.AccessToken);
        Assert.Null(token.TenantId);
    }

    /// <summary>The error of a token fetch from a server that answers 200 with <paramref name="answer"/>, and the request id the client sent.</summary>
    private static async Task<(CaseOpsApiException Error, string SentId)> TokenFetchFailure(string answer)
    {
        await using var stub = new StubServer((_, _) => StubAnswer.Ok(answer));
        using var connection = TestConnections.Incydr(stub.BaseUri, "client", "secret");

        var error = await Assert.ThrowsAsync<CaseOpsApiException>(() => connection.Tokens.GetTokenAsync(RequestLog.None, CancellationToken.None));

        return (error, Assert.Single(stub.Received).RequestId);
    }
}
