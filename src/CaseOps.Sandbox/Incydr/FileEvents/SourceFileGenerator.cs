using System.Buffers.Binary;
using System.Text;

namespace CaseOps.Sandbox.Incydr.FileEvents;

/// <summary>
/// The content of a captured source file: a pseudo-random byte sequence determined by the event
/// id alone (SplitMix64 seeded with an FNV-1a hash of the id), so any length can be streamed in
/// chunks without storing it, and tests can regenerate the expected bytes. Successive
/// <see cref="Fill"/> calls continue the sequence, whatever the chunk sizes.
/// </summary>
public sealed class SourceFileGenerator
{
    private ulong state;
    private ulong pending;
    private int pendingCount;

    /// <summary>Starts the sequence of <paramref name="eventId"/> at byte 0.</summary>
    public SourceFileGenerator(string eventId)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(eventId))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        state = hash;
    }

    /// <summary>Writes the next <c>buffer.Length</c> bytes of the sequence into <paramref name="buffer"/>.</summary>
    public void Fill(Span<byte> buffer)
    {
        // Use up bytes left over from the previous call first, so chunk sizes do not matter.
        while (pendingCount > 0 && buffer.Length > 0)
        {
            buffer[0] = (byte)pending;
            pending >>= 8;
            pendingCount--;
            buffer = buffer[1..];
        }

        while (buffer.Length >= 8)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(buffer, Next());
            buffer = buffer[8..];
        }

        if (buffer.Length > 0)
        {
            pending = Next();
            pendingCount = 8;
            while (buffer.Length > 0)
            {
                buffer[0] = (byte)pending;
                pending >>= 8;
                pendingCount--;
                buffer = buffer[1..];
            }
        }
    }

    private ulong Next()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
