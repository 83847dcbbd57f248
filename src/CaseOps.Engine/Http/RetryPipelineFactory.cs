using System.Globalization;
using System.Linq;
using System.Net;
using Polly;
using Polly.Retry;
using RestSharp;

namespace CaseOps.Http
{
    /// <summary>
    /// Builds the retry pipeline every connection uses: transient statuses and transport failures,
    /// exponential backoff with jitter, the server's Retry-After honoured. Which answers allow another
    /// attempt is the request's <see cref="RepeatPolicy"/> to say (docs/architecture.md, "Retries").
    /// </summary>
    internal static class RetryPipelineFactory
    {
        // Names as constants: a static field's initial value cannot be switched per test, so mutation
        // testing would run every change to it against the whole suite (docs/performance.md, "Mutation testing").
        private const string LogKeyName = "caseops.log";
        private const string RepeatKeyName = "caseops.repeat";
        private const string DescriptionKeyName = "caseops.description";

        internal static readonly ResiliencePropertyKey<IRequestLog> LogKey = new ResiliencePropertyKey<IRequestLog>(LogKeyName);
        internal static readonly ResiliencePropertyKey<RepeatPolicy> RepeatKey = new ResiliencePropertyKey<RepeatPolicy>(RepeatKeyName);
        internal static readonly ResiliencePropertyKey<string> DescriptionKey = new ResiliencePropertyKey<string>(DescriptionKeyName);

        public static ResiliencePipeline<RestResponse> Create(ApiClientOptions options)
        {
            var builder = new ResiliencePipelineBuilder<RestResponse>();
            if (options.MaxRetries <= 0)
                return builder.Build();

            return builder.AddRetry(new RetryStrategyOptions<RestResponse>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome.Result, options.MaxRetryDelay)),
                OnRetry = args =>
                {
                    var log = args.Context.Properties.GetValue(LogKey, RequestLog.None);
                    var what = args.Context.Properties.GetValue(DescriptionKey, "request");
                    var reason = args.Outcome.Result is { } r ? Describe(r) : args.Outcome.Exception?.GetType().Name;
                    log.Verbose(string.Format(CultureInfo.InvariantCulture, "Retry {0} of {1} for {2} in {3:0.0} s after {4}",
                        args.AttemptNumber + 1, options.MaxRetries, what, args.RetryDelay.TotalSeconds, reason));
                    return default;
                },
            }).Build();
        }

        private static bool ShouldRetry(Outcome<RestResponse> outcome, ResilienceContext context)
        {
            if (context.CancellationToken.IsCancellationRequested)
                return false;
            var response = outcome.Result;
            if (response == null)
                return false; // exceptions from our own code are bugs, not weather
            return context.Properties.GetValue(RepeatKey, RepeatPolicy.NotRepeatable).MayRetryAfter(response);
        }

        internal static TimeSpan? RetryAfter(RestResponse? response, TimeSpan max)
        {
            var value = response?.Headers?.FirstOrDefault(h => string.Equals(h.Name, "Retry-After", StringComparison.OrdinalIgnoreCase))?.Value?.ToString();
            if (string.IsNullOrWhiteSpace(value))
                return null;
            TimeSpan delay;
            if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
                delay = TimeSpan.FromSeconds(Math.Max(0, seconds));
            else if (TryParseHttpDate(value!.Trim(), out var when))
                delay = when - DateTimeOffset.UtcNow;
            else
                return null;
            if (delay < TimeSpan.Zero) delay = TimeSpan.Zero;
            return delay > max ? max : delay;
        }

        // An HTTP date: IMF-fixdate, or one of the two obsolete forms a recipient must accept, RFC 850 and
        // asctime (whose one-digit day follows two spaces). Exact formats only: a lenient parse would read
        // "1.5" or "12:00" as dates. Constants, not a static array, for the reason given at LogKeyName.
        private const string ImfFixdate = "r";
        private const string Rfc850Date = "dddd, dd-MMM-yy HH:mm:ss 'GMT'";
        private const string AsctimeDate = "ddd MMM d HH:mm:ss yyyy";
        private const string AsctimeDateOneDigitDay = "ddd MMM  d HH:mm:ss yyyy";

        private static bool TryParseHttpDate(string text, out DateTimeOffset when) =>
            TryParseDate(text, ImfFixdate, out when) || TryParseDate(text, Rfc850Date, out when)
            || TryParseDate(text, AsctimeDate, out when) || TryParseDate(text, AsctimeDateOneDigitDay, out when);

        private static bool TryParseDate(string text, string format, out DateTimeOffset when) =>
            DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out when);

        internal static string Describe(RestResponse response) =>
            response.ResponseStatus == ResponseStatus.Completed || response.StatusCode != 0
                ? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture) + " " + response.StatusCode
                : response.ResponseStatus + (response.ErrorMessage is { } m ? ": " + m : string.Empty);

        internal static bool IsSuccess(HttpStatusCode status) => (int)status >= 200 && (int)status < 300;
    }
}
