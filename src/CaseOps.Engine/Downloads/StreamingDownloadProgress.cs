using CaseOps.Http;

namespace CaseOps.Downloads
{
    /// <summary>Lets a caller watch a download it started: bytes so far and the expected total.</summary>
    public sealed class StreamingDownloadProgress
    {
        private StreamingDownload? _download;

        public long BytesReceived => _download?.BytesReceived ?? 0;
        public long? TotalBytes => _download?.TotalBytes;

        internal void Attach(StreamingDownload download) => _download = download;
    }
}
