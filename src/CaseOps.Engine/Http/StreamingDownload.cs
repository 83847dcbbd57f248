using System.IO;
using System.Linq;
using System.Net.Http;
using RestSharp;

namespace CaseOps.Http
{
    /// <summary>
    /// Writes a response body to a stream as it arrives, in a fixed buffer, instead of letting
    /// RestSharp buffer it: a 200 MB evidence file must not become a 200 MB byte array. Plugged into
    /// a request as its AdvancedResponseWriter, so authentication, retries and logging stay those of
    /// every other request; each attempt reopens (and so truncates) the destination. Hashes the body in
    /// the same buffer when an expectation asks for them (docs/architecture.md, "Downloads").
    /// </summary>
    public sealed class StreamingDownload
    {
        private const int BufferSize = 81920;
        private readonly Func<string?, Stream> _openDestination;
        private readonly CancellationToken _cancellationToken;
        private readonly Downloads.DownloadExpectation _expectation;
        private long _bytesReceived;
        private long _totalBytes = -1;

        /// <param name="openDestination">Opens the destination for one attempt, given the server's file name (or null); may throw to refuse it.</param>
        /// <param name="cancellationToken">Ends the copy between two reads.</param>
        /// <param name="expectation">The size and hashes the API gave for the file; decides which hashes are computed.</param>
        public StreamingDownload(Func<string?, Stream> openDestination, CancellationToken cancellationToken, Downloads.DownloadExpectation? expectation = null)
        {
            _openDestination = openDestination;
            _cancellationToken = cancellationToken;
            _expectation = expectation ?? Downloads.DownloadExpectation.None;
        }

        /// <summary>The body of the last attempt that arrived in full (as long as its Content-Length said), or null.</summary>
        public Downloads.ReceivedBody? Received { get; private set; }

        /// <summary>Bytes written by the current attempt.</summary>
        public long BytesReceived => Interlocked.Read(ref _bytesReceived);

        /// <summary>The body's length from Content-Length, when the server sent one.</summary>
        public long? TotalBytes => Interlocked.Read(ref _totalBytes) is var total && total >= 0 ? total : (long?)null;

        /// <summary>The file name the server suggested in Content-Disposition, if any.</summary>
        public string? ServerFileName { get; private set; }

        /// <summary>Why the destination was refused (it exists, it cannot be written), if it was.</summary>
        public Exception? Refusal { get; private set; }

        private bool TryWrite(Stream destination, byte[] buffer, int count)
        {
            try
            {
                destination.Write(buffer, 0, count);
                return true;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                Refusal = ex;
                return false;
            }
        }

        internal RestResponse Write(HttpResponseMessage http, RestRequest request)
        {
            var response = new RestResponse(request)
            {
                StatusCode = http.StatusCode,
                StatusDescription = http.ReasonPhrase,
                IsSuccessStatusCode = http.IsSuccessStatusCode,
                ResponseStatus = ResponseStatus.Completed,
                ResponseUri = http.RequestMessage?.RequestUri,
                Headers = http.Headers.Select(h => new HeaderParameter(h.Key, string.Join(",", h.Value))).ToList(),
                ContentHeaders = http.Content.Headers.Select(h => new HeaderParameter(h.Key, string.Join(",", h.Value))).ToList(),
                ContentType = http.Content.Headers.ContentType?.MediaType,
                ContentLength = http.Content.Headers.ContentLength,
            };
            if (!http.IsSuccessStatusCode)
            {
                // Error bodies are small JSON documents the error parser reads.
                response.Content = http.Content.ReadAsStringAsync().GetAwaiter().GetResult();
                return response;
            }

            Received = null;
            Interlocked.Exchange(ref _bytesReceived, 0);
            Interlocked.Exchange(ref _totalBytes, http.Content.Headers.ContentLength ?? -1);
            var disposition = http.Content.Headers.ContentDisposition;
            ServerFileName = disposition?.FileNameStar ?? disposition?.FileName?.Trim('"');
            Stream destination;
            try
            {
                destination = _openDestination(ServerFileName);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is DownloadRefusedException)
            {
                Refusal = ex;
                return response; // the body is left unread; disposing the response drops it
            }

            try
            {
                using (destination)
                using (var hashes = new Downloads.StreamingHashes(_expectation))
                using (var body = http.Content.ReadAsStreamAsync().GetAwaiter().GetResult())
                {
                    var buffer = new byte[BufferSize];
                    int read;
                    while ((read = body.ReadAsync(buffer, 0, buffer.Length, _cancellationToken).GetAwaiter().GetResult()) > 0)
                    {
                        if (!TryWrite(destination, buffer, read))
                            return response; // the local side failed: Refusal says why, and no retry can help
                        hashes.Append(buffer, read);
                        Interlocked.Add(ref _bytesReceived, read);
                    }
                    if (TotalBytes is long expected && BytesReceived != expected)
                        throw new IOException($"The server announced {expected} bytes but the body ended after {BytesReceived}.");
                    var (sha256, md5) = hashes.Finish();
                    Received = new Downloads.ReceivedBody(BytesReceived, TotalBytes, sha256, md5);
                }
                return response;
            }
            catch (Exception ex) when (ex is IOException || ex is HttpRequestException)
            {
                // A dropped connection: report it as a transport failure, which is retried like one.
                return new RestResponse(request)
                {
                    ResponseStatus = ResponseStatus.Error,
                    ErrorException = ex,
                    ErrorMessage = $"the download broke off after {BytesReceived} of {(TotalBytes is long t ? t.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?")} bytes: {ex.Message}",
                    ResponseUri = response.ResponseUri,
                };
            }
        }
    }

    /// <summary>The destination of a download was refused before anything was written, e.g. it exists.</summary>
    public sealed class DownloadRefusedException : Exception
    {
        public DownloadRefusedException(Downloads.DownloadProblem problem, string path, string message)
            : base(message)
        {
            Problem = problem;
            Path = path;
        }

        public Downloads.DownloadProblem Problem { get; }
        public string Path { get; }
    }
}
