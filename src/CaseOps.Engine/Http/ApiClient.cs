using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using Polly;
using RestSharp;

namespace CaseOps.Http
{
    /// <summary>
    /// One per connection: a RestClient, its retry pipeline, its authenticator and the request log
    /// lines. Thread-safe; services share it.
    /// </summary>
    public sealed class ApiClient : IDisposable
    {
        private const string RequestIdHeader = "X-Request-Id";
        private static readonly NewtonsoftRestSerializer Json = new NewtonsoftRestSerializer();
        private readonly RestClient _client;
        private readonly ResiliencePipeline<RestResponse> _retry;

        internal ApiClient(string serviceName, ApiClientOptions options)
        {
            ServiceName = serviceName;
            Options = options;
            var restOptions = new RestClientOptions(options.BaseUri)
            {
                Timeout = options.Timeout,
                ThrowOnAnyError = false,
                UserAgent = "CaseOps/" + typeof(ApiClient).Assembly.GetName().Version?.ToString(3),
            };
            _client = new RestClient(restOptions, configureSerialization: s => s.UseSerializer(() => new NewtonsoftRestSerializer()));
            _retry = RetryPipelineFactory.Create(options);
            Limiter = new ConcurrencyLimiter(options.MaxConcurrency);
        }

        public string ServiceName { get; }

        public ApiClientOptions Options { get; }

        internal IRequestAuthenticator? Authenticator { get; set; }

        /// <summary>
        /// The connection's limit on requests in flight, shared by everything that uses the connection
        /// (docs/architecture.md, "Connections"). Its <see cref="ConcurrencyLimiter.Window"/> is how many
        /// requests are worth having in flight now.
        /// </summary>
        internal ConcurrencyLimiter Limiter { get; }

        /// <summary>
        /// Sends a request and reads its JSON answer strictly (<see cref="StrictJson"/>); <paramref name="verify"/>
        /// may hold the result to what was asked for (<see cref="StrictJson.SameId"/>). An answer that
        /// fails either throws <see cref="CaseOpsApiException"/> with the 2xx status (docs/architecture.md, "Errors").
        /// </summary>
        public Task<T> SendAsync<T>(RestRequest request, IRequestLog log, CancellationToken cancellationToken, Action<T>? verify = null) =>
            SendAndParseAsync(request, response =>
            {
                // Checked on a parsed copy, read from the text: the objects come out as they always did.
                StrictJson.Check(StrictJson.Parse(response.Content!), typeof(T));
                var value = Json.Deserialize<T>(response);
                if (value != null)
                    verify?.Invoke(value);
                return value;
            }, log, cancellationToken);

        /// <summary>
        /// Sends a request and reads a JSON answer whose shape varies with <paramref name="read"/>, which
        /// converts its parts with <see cref="StrictJson.Convert{T}"/>.
        /// </summary>
        public Task<T> SendAsync<T>(RestRequest request, Func<Newtonsoft.Json.Linq.JToken, T> read, IRequestLog log, CancellationToken cancellationToken) =>
            SendAndParseAsync(request, response => read(StrictJson.Parse(response.Content!)), log, cancellationToken);

        /// <summary>The serializer with the API's settings, for reading parts of a JSON answer.</summary>
        internal static Newtonsoft.Json.JsonSerializer Serializer { get; } = Newtonsoft.Json.JsonSerializer.Create(NewtonsoftRestSerializer.Settings);

        private async Task<T> SendAndParseAsync<T>(RestRequest request, Func<RestResponse, T?> parse, IRequestLog log, CancellationToken cancellationToken)
        {
            var response = await SendAsync(request, log, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(response.Content))
                throw Failure(request, response, $"{ServiceName} sent an empty response where data was expected.", null);
            T? value;
            try { value = parse(response); }
            catch (InvalidAnswerException ex)
            {
                throw InvalidAnswer(request, response, ex.Member, ex.Problem, ex);
            }
            catch (Newtonsoft.Json.JsonException ex)
            {
                throw InvalidAnswer(request, response, PathOf(ex),
                    "is not the expected JSON: " + ex.Message + (ex.InnerException == null ? string.Empty : " " + ex.InnerException.Message), ex);
            }
            catch (Exception ex) when (ex is InvalidOperationException || ex is FormatException || ex is InvalidCastException || ex is OverflowException || ex is ArgumentException)
            {
                // A reader that met a shape it did not foresee: still a bad answer, never a raw exception.
                throw InvalidAnswer(request, response, "(root)", "could not be read: " + ex.Message, ex);
            }
            if (value == null)
                throw Failure(request, response, $"{ServiceName} sent an empty response where data was expected.", null);
            return value;
        }

        private static string PathOf(Newtonsoft.Json.JsonException ex)
        {
            var path = (ex as Newtonsoft.Json.JsonReaderException)?.Path ?? (ex as Newtonsoft.Json.JsonSerializationException)?.Path;
            return string.IsNullOrEmpty(path) ? "(root)" : path!;
        }

        /// <summary>A 2xx answer CaseOps cannot trust: names the request, the member and (by Failure) the request id.</summary>
        private CaseOpsApiException InvalidAnswer(RestRequest request, RestResponse response, string member, string problem, Exception inner)
        {
            var message = string.Format(CultureInfo.InvariantCulture, "{0} sent an invalid answer to {1} {2}: the member '{3}' {4}.",
                ServiceName, request.Method.ToString().ToUpperInvariant(), _client.BuildUri(request).PathAndQuery, member, problem.TrimEnd('.'));
            var failure = Failure(request, response, message, inner);
            failure.Member = member;
            return failure;
        }

        /// <summary>
        /// Sends a request with the connection's credentials, retries and logging. Throws
        /// <see cref="CaseOpsApiException"/> for any non-2xx answer or transport failure.
        /// </summary>
        public async Task<RestResponse> SendAsync(RestRequest request, IRequestLog log, CancellationToken cancellationToken)
        {
            var repeat = RepeatPolicy.Of(request);
            var sent = await SendOnceAsync(request, log, authenticate: true, logBodies: true, repeat, cancellationToken).ConfigureAwait(false);
            if ((int)sent.Response.StatusCode == 401 && Authenticator != null
                && await Authenticator.RefreshAsync(request, log, cancellationToken).ConfigureAwait(false))
            {
                log.Verbose($"{ServiceName} answered 401; replaying {request.Method.ToString().ToUpperInvariant()} {request.Resource} once with a fresh token");
                sent = await SendOnceAsync(request, log, authenticate: true, logBodies: true, repeat, cancellationToken).ConfigureAwait(false);
            }
            if (repeat.CountsAsDone(sent.Response, sent.EarlierAttemptMayHaveActed))
            {
                log.Verbose($"{request.Method.ToString().ToUpperInvariant()} {request.Resource} was sent again and found its work done: an earlier attempt did it");
                return sent.Response;
            }
            EnsureSuccess(request, sent.Response);
            return sent.Response;
        }

        /// <summary>
        /// Sends a GET whose successful body goes to <paramref name="download"/>'s destination as it
        /// arrives. Throws <see cref="CaseOpsApiException"/> for error answers and for a body that
        /// still broke off after the retries, and the refusal when the destination was refused.
        /// </summary>
        public async Task DownloadAsync(RestRequest request, StreamingDownload download, IRequestLog log, CancellationToken cancellationToken)
        {
            request.CompletionOption = System.Net.Http.HttpCompletionOption.ResponseHeadersRead;
            request.AdvancedResponseWriter = download.Write;
            await SendAsync(request, log, cancellationToken).ConfigureAwait(false);
            if (download.Refusal != null)
                throw download.Refusal;
        }

        /// <summary>
        /// Sends a token request: without the connection's credentials and without body logging.
        /// </summary>
        internal async Task<RestResponse> SendUnauthenticatedAsync(RestRequest request, IRequestLog log, CancellationToken cancellationToken)
        {
            var sent = await SendOnceAsync(request, log, authenticate: false, logBodies: false, RepeatPolicy.Of(request), cancellationToken).ConfigureAwait(false);
            EnsureSuccess(request, sent.Response);
            return sent.Response;
        }

        /// <summary>
        /// One logical send through the retry pipeline; returns the last response and whether an
        /// attempt before it may have reached the server and acted.
        /// </summary>
        private async Task<(RestResponse Response, bool EarlierAttemptMayHaveActed)> SendOnceAsync(RestRequest request, IRequestLog log, bool authenticate, bool logBodies, RepeatPolicy repeat, CancellationToken cancellationToken)
        {
            var method = request.Method.ToString().ToUpperInvariant();
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(RetryPipelineFactory.LogKey, log);
            context.Properties.Set(RetryPipelineFactory.RepeatKey, repeat);
            context.Properties.Set(RetryPipelineFactory.DescriptionKey, method + " " + _client.BuildUri(request).PathAndQuery);
            var previous = new StrongBox<RestResponse?>();
            var earlierMayHaveActed = new StrongBox<bool>();
            try
            {
                if (logBodies && log.IsDebugEnabled)
                    LogRequestBody(request, log);
                var response = await _retry.ExecuteAsync(
                    async (ctx, state) =>
                    {
                        if (state.previous.Value is { } before && RepeatPolicy.MayHaveActed(before))
                            state.earlierMayHaveActed.Value = true;
                        return state.previous.Value = await state.self.AttemptAsync(state.request, state.log, state.authenticate, ctx.CancellationToken).ConfigureAwait(false);
                    },
                    context,
                    (self: this, request, log, authenticate, previous, earlierMayHaveActed)).ConfigureAwait(false);
                if (logBodies && log.IsDebugEnabled && !string.IsNullOrEmpty(response.Content))
                    log.Debug("Response body: " + SecretRedactor.Redact(response.Content));
                return (response, earlierMayHaveActed.Value);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        private async ValueTask<RestResponse> AttemptAsync(RestRequest request, IRequestLog log, bool authenticate, CancellationToken cancellationToken)
        {
            if (authenticate && Authenticator != null)
            {
                try { await Authenticator.AuthenticateAsync(request, log, cancellationToken).ConfigureAwait(false); }
                catch (UnsendableHeaderException ex) { throw NotSent(request, ex.Header, ex.Message); }
            }
            if (HeaderValues.FirstInvalid(request) is { } invalid)
                throw NotSent(request, invalid.Name, invalid.Problem); // not a transport failure: never retried
            request.AddOrUpdateHeader(RequestIdHeader, Guid.NewGuid().ToString("N"));

            // The slot covers the send only: not the token fetch above, not a retry's wait
            // (docs/architecture.md, "Retries").
            RestResponse response;
            var watch = new Stopwatch();
            using (var slot = await Limiter.AcquireAsync(cancellationToken).ConfigureAwait(false))
            {
                // A slot freed by a cancelled listing may be handed to a waiter of the same listing an
                // instant before the waiter's own cancellation lands: it must not send.
                cancellationToken.ThrowIfCancellationRequested();
                watch.Start();
                response = await _client.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
                watch.Stop();
                slot.Complete(ReportLoad(response, log));
            }
            cancellationToken.ThrowIfCancellationRequested();

            log.Verbose(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> {2} ({3} ms)",
                request.Method.ToString().ToUpperInvariant(), _client.BuildUri(request), RetryPipelineFactory.Describe(response), watch.ElapsedMilliseconds));
            return response;
        }

        // A 429 or 503 narrows the connection's window; its Retry-After holds back every request of
        // the connection, not only the one that got it (docs/architecture.md, "Retries").
        private ConcurrencyLimiter.AttemptOutcome ReportLoad(RestResponse response, IRequestLog log)
        {
            var status = (int)response.StatusCode;
            if (RetryPipelineFactory.IsSuccess(response.StatusCode))
                return ConcurrencyLimiter.AttemptOutcome.Success;
            if (status != 429 && status != 503)
                return ConcurrencyLimiter.AttemptOutcome.Neutral;
            if (RetryPipelineFactory.RetryAfter(response, Options.MaxRetryDelay) is { } pause && pause > TimeSpan.Zero)
            {
                Limiter.Pause(pause);
                log.Verbose(string.Format(CultureInfo.InvariantCulture, "{0} answered {1} with Retry-After: every request of this connection waits {2:0.0} s",
                    ServiceName, status, pause.TotalSeconds));
            }
            return ConcurrencyLimiter.AttemptOutcome.Overloaded;
        }

        private static void LogRequestBody(RestRequest request, IRequestLog log)
        {
            var body = request.Parameters.OfType<BodyParameter>().FirstOrDefault();
            if (body?.Value == null)
                return;
            var text = body.Value as string ?? Json.Serialize(body.Value);
            log.Debug("Request body: " + SecretRedactor.Redact(text));
        }

        private void EnsureSuccess(RestRequest request, RestResponse response)
        {
            if (RetryPipelineFactory.IsSuccess(response.StatusCode))
                return;
            throw Failure(request, response, null, response.ErrorException);
        }

        /// <summary>
        /// A 2xx answer its caller read itself and cannot use (the token answer): <paramref name="message"/>
        /// with the request id, the status and the answer, as for any failed call.
        /// </summary>
        internal CaseOpsApiException UnusableAnswer(RestRequest request, RestResponse response, string message, Exception? inner) =>
            Failure(request, response, message, inner);

        private CaseOpsApiException Failure(RestRequest request, RestResponse response, string? overrideMessage, Exception? inner)
        {
            var method = request.Method.ToString().ToUpperInvariant();
            var status = (int)response.StatusCode;
            var requestId = ServerText.Cap(HeaderValue(response, RequestIdHeader), 200)
                ?? request.Parameters.OfType<HeaderParameter>().FirstOrDefault(p => p.Name == RequestIdHeader)?.Value?.ToString();
            var (code, serverMessage) = ApiErrorParser.Parse(response.Content); // no content without a status

            var check = (request as ApiRequest)?.OutcomeCheck;
            var outcomeUnknown = overrideMessage == null && check != null && RepeatPolicy.Of(request).LeavesOutcomeUnknown(response);
            string message;
            if (overrideMessage != null)
                message = ServerText.Cap(overrideMessage)!;
            else if (outcomeUnknown)
                message = OutcomeUnknownMessage(request, method, response, check!);
            else if (status == 0)
                message = string.Format(CultureInfo.InvariantCulture, "{0} could not be reached for {1} {2} ({3}).",
                    ServiceName, method, request.Resource, ServerText.Cap(response.ErrorMessage) ?? response.ResponseStatus.ToString());
            else
                message = string.Format(CultureInfo.InvariantCulture, "{0} answered {1} {2} to {3} {4}{5}.",
                    ServiceName, status, response.StatusCode, method, request.Resource,
                    serverMessage == null && code == null ? string.Empty : ": " + string.Join(" ", new[] { code, serverMessage }.Where(s => !string.IsNullOrEmpty(s))));
            if (requestId != null)
                message += " Request id: " + requestId + ".";
            return new CaseOpsApiException(message, status, code, serverMessage, requestId, method, request.Resource, inner)
            {
                Response = status == 0 ? null : response,
                OutcomeUnknown = outcomeUnknown,
            };
        }

        private CaseOpsApiException NotSent(RestRequest request, string header, string problem)
        {
            var method = request.Method.ToString().ToUpperInvariant();
            return new CaseOpsApiException($"{method} {request.Resource} was not sent to {ServiceName}: {problem}.", 0, null, null, null, method, request.Resource)
            {
                InvalidHeader = header,
            };
        }

        // A request that is not safe to repeat was not sent again, so only the user can find out
        // whether it took effect (docs/architecture.md, "Retries").
        private string OutcomeUnknownMessage(RestRequest request, string method, RestResponse response, string check) =>
            string.Format(CultureInfo.InvariantCulture,
                "{0} did not answer {1} {2} ({3}). The request may have reached {0} and taken effect; it is not safe to repeat, so it was not sent again, and its outcome is unknown. {4}",
                ServiceName, method, request.Resource, ServerText.Cap(response.ErrorMessage) ?? response.ResponseStatus.ToString(), check);

        private static string? HeaderValue(RestResponse response, string name) =>
            response.Headers?.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))?.Value?.ToString();

        public void Dispose() => _client.Dispose();
    }
}
