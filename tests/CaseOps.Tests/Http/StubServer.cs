using System.Collections.Concurrent;
using System.Net;
using System.Text;
using CaseOps.Connections;
using CaseOps.Generic;
using CaseOps.Http;
using Xunit;

namespace CaseOps.Tests.Http;

/// <summary>One request as the stub received it, with the headers the emulator's log does not keep.</summary>
internal sealed record StubRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The X-Request-Id the client sent (the headers are read in any letter case).</summary>
    public string RequestId => Assert.Single(Headers, h => string.Equals(h.Key, "X-Request-Id", StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>What the stub answers: a status, headers and a body.</summary>
internal sealed record StubAnswer(int Status, string Body = "", IReadOnlyDictionary<string, string>? Headers = null)
{
    public static StubAnswer Ok(string body = "{}") => new(200, body);

    public static StubAnswer With(int status, string header, string value) => new(status, "", new Dictionary<string, string> { [header] = value });
}

/// <summary>
/// A tiny HTTP server on 127.0.0.1 for what the emulator cannot do: answer with any header (a Retry-After
/// date, a long request id), or show the headers a request came with. Requests are answered one at a time,
/// in arrival order; disposing it stops the listener and waits for its loop.
/// </summary>
internal sealed class StubServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<StubRequest, int, StubAnswer> _answer;
    private readonly Task _loop;

    /// <param name="answer">The answer to a request, given the request and how many came before it.</param>
    public StubServer(Func<StubRequest, int, StubAnswer> answer)
    {
        _answer = answer;
        var port = FreePort();
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUri.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseUri { get; }

    public ConcurrentQueue<StubRequest> Received { get; } = new();

    /// <summary>A Zammad connection to the stub (an API token: no token endpoint to stub).</summary>
    public ZammadConnection Connect(Action<ApiClientOptions>? configure = null) => ConnectTo(BaseUri, configure);

    /// <summary>A Zammad connection to <paramref name="address"/>, with an API token and quick retries.</summary>
    public static ZammadConnection ConnectTo(Uri address, Action<ApiClientOptions>? configure = null)
    {
        var options = new ApiClientOptions(address) { RetryBaseDelay = TimeSpan.FromMilliseconds(1) };
        configure?.Invoke(options);
        return new ZammadConnection(options, ZammadCredential.FromToken(TestConnections.Secure("stub-token")), null);
    }

    /// <summary>Sends <paramref name="method"/> <paramref name="path"/> through the connection's <see cref="ApiClient"/>.</summary>
    public static Task<RawRequestAnswer> SendAsync(CaseOpsConnection connection, IRequestLog log, string method, string path, string? body = null, CancellationToken cancellationToken = default) =>
        new RawRequestService(connection, log).SendAsync(RawRequest.Create(method, path, [], body), cancellationToken);

    private async Task ServeAsync()
    {
        for (var count = 0; ; count++)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync().ConfigureAwait(false); }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var headers = context.Request.Headers.AllKeys.ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            var request = new StubRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, headers, await reader.ReadToEndAsync().ConfigureAwait(false));
            Received.Enqueue(request);
            var answer = _answer(request, count);
            context.Response.StatusCode = answer.Status;
            foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
                context.Response.Headers[name] = value;
            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            try
            {
                await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
                context.Response.Close();
            }
            catch (HttpListenerException)
            {
                // the client went away (a timeout or a cancelled test): the next request is still served
            }
        }
    }

    /// <summary>A port nothing listens on (at the moment of asking).</summary>
    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _loop.ConfigureAwait(false);
        _listener.Close();
    }
}
