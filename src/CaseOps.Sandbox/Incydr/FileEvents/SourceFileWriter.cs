using System.Buffers;

namespace CaseOps.Sandbox.Incydr.FileEvents;

/// <summary>Streams generated source-file content in 64 KiB chunks from one pooled buffer.</summary>
public static class SourceFileWriter
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>Writes the first <paramref name="length"/> bytes of the event's content to <paramref name="destination"/>.</summary>
    public static async Task WriteAsync(string eventId, long length, Stream destination, CancellationToken ct)
    {
        var generator = new SourceFileGenerator(eventId);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            var remaining = length;
            while (remaining > 0)
            {
                var count = (int)Math.Min(ChunkSize, remaining);
                generator.Fill(buffer.AsSpan(0, count));
                await destination.WriteAsync(buffer.AsMemory(0, count), ct).ConfigureAwait(false);
                remaining -= count;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Synchronous variant for ZIP entries (ZipArchive entry streams are written synchronously).</summary>
    public static void Write(string eventId, long length, Stream destination)
    {
        var generator = new SourceFileGenerator(eventId);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            var remaining = length;
            while (remaining > 0)
            {
                var count = (int)Math.Min(ChunkSize, remaining);
                generator.Fill(buffer.AsSpan(0, count));
                destination.Write(buffer, 0, count);
                remaining -= count;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
