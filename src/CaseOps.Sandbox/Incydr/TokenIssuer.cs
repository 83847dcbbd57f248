using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace CaseOps.Sandbox.Incydr;

/// <summary>
/// Issues and checks bearer tokens. Tokens are JWT-shaped (<c>header.payload.signature</c>, base64url)
/// with <c>tenantUid</c> in the payload because the official SDK reads it; the emulator itself only
/// looks tokens up in its table, so the signature is decorative.
/// </summary>
public sealed class TokenIssuer
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> expiries = new(StringComparer.Ordinal);
    private readonly TimeProvider clock;
    private readonly byte[] signingKey;
    private long lifetimeTicks;

    /// <summary>Creates an issuer for one API client.</summary>
    public TokenIssuer(string clientId, string tenantUid, TimeSpan lifetime, TimeProvider? clock = null)
    {
        ClientId = clientId;
        TenantUid = tenantUid;
        Lifetime = lifetime;
        this.clock = clock ?? TimeProvider.System;
        signingKey = RandomNumberGenerator.GetBytes(32);
    }

    /// <summary>The API client the tokens belong to.</summary>
    public string ClientId { get; }

    /// <summary>Tenant UID written into every token.</summary>
    public string TenantUid { get; }

    /// <summary>Lifetime of tokens issued from now on (existing tokens keep theirs). Whole seconds go on the wire.</summary>
    public TimeSpan Lifetime
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref lifetimeTicks));
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            Interlocked.Exchange(ref lifetimeTicks, value.Ticks);
        }
    }

    /// <summary>Number of tokens issued and not yet expired.</summary>
    public int ActiveCount
    {
        get
        {
            var now = clock.GetUtcNow();
            return expiries.Count(pair => pair.Value > now);
        }
    }

    /// <summary>Issues a new token.</summary>
    public IssuedToken Issue()
    {
        var now = clock.GetUtcNow();
        var lifetime = Lifetime;
        var expiresAt = now + lifetime;
        var header = Encode(new { alg = "HS256", typ = "JWT" });
        var payload = Encode(new
        {
            sub = ClientId,
            tenantUid = TenantUid,
            iat = now.ToUnixTimeSeconds(),
            exp = expiresAt.ToUnixTimeSeconds(),
            jti = Guid.NewGuid().ToString("N"),
        });
        var signature = WebEncoders.Base64UrlEncode(HMACSHA256.HashData(signingKey, Encoding.ASCII.GetBytes(header + "." + payload)));
        var token = header + "." + payload + "." + signature;
        expiries[token] = expiresAt;
        PurgeExpired(now);
        return new IssuedToken(token, (int)Math.Ceiling(lifetime.TotalSeconds), expiresAt);
    }

    /// <summary>True when the token was issued here and has not expired.</summary>
    public bool IsValid(string token) =>
        expiries.TryGetValue(token, out var expiresAt) && expiresAt > clock.GetUtcNow();

    /// <summary>Makes every token issued so far expired (clients must fetch a new one).</summary>
    public void ExpireAll()
    {
        foreach (var token in expiries.Keys)
        {
            expiries[token] = DateTimeOffset.MinValue;
        }
    }

    // Keeps the table from growing without bound in long runs; cheap relative to issuing.
    private void PurgeExpired(DateTimeOffset now)
    {
        if (expiries.Count < 1024)
        {
            return;
        }

        foreach (var pair in expiries)
        {
            if (pair.Value <= now)
            {
                expiries.TryRemove(pair);
            }
        }
    }

    private static string Encode<T>(T value) => WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(value));
}

/// <summary>A token as handed to the client.</summary>
/// <param name="AccessToken">The bearer token.</param>
/// <param name="ExpiresIn">Lifetime in seconds (the <c>expires_in</c> field).</param>
/// <param name="ExpiresAt">When it stops working.</param>
public sealed record IssuedToken(string AccessToken, int ExpiresIn, DateTimeOffset ExpiresAt);
