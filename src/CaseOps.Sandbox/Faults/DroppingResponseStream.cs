using Microsoft.AspNetCore.Http;

namespace CaseOps.Sandbox.Faults;

/// <summary>
/// Response body wrapper for download routes while a drop fault is pending. On the first write of
/// a 200 answer it takes one drop from <see cref="FaultSettings"/>; if it got one, it lets the
/// configured number of body bytes through, flushes them (the headers with the full
/// Content-Length are already out), aborts the connection and fails further writes. Error answers
/// (404 and the like) pass untouched and do not use up a drop.
/// </summary>
internal sealed class DroppingResponseStream(Stream inner, HttpContext context, FaultSettings faults) : Stream
{
    private static readonly TimeSpan SendGrace = TimeSpan.FromMilliseconds(100);
    private bool decided;
    private bool armed;
    private bool dropped;
    private long remaining;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => dropped ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!decided)
        {
            decided = true;
            armed = context.Response.StatusCode == StatusCodes.Status200OK && faults.TryTakeDrop(out remaining);
        }

        if (dropped)
        {
            throw new OperationCanceledException("The connection was dropped by the drop fault.");
        }

        if (!armed)
        {
            await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            return;
        }

        var pass = (int)Math.Min(buffer.Length, remaining);
        if (pass > 0)
        {
            await inner.WriteAsync(buffer[..pass], cancellationToken).ConfigureAwait(false);
            remaining -= pass;
        }

        if (remaining == 0)
        {
            // Push headers and the allowed bytes onto the wire before cutting. A flush only hands
            // them to the transport, and Abort discards what the transport has not sent yet, so
            // give it a moment; else the client would see a reset without headers.
            await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
            await Task.Delay(SendGrace, CancellationToken.None).ConfigureAwait(false);
            dropped = true;
            context.Abort();
            throw new OperationCanceledException("The connection was dropped by the drop fault.");
        }
    }
}
