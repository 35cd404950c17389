using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace PaperChunks.Reassembly;

/// <summary>
/// Serializes one row part of the external sort into a reused buffer: integers little-endian, strings
/// length-prefixed as UTF-8 (one transcoding pass, no intermediate copy) or as raw UTF-16 (a plain
/// copy, so the part can later be compared with a row's strings in place).
/// </summary>
internal sealed class RowBlobWriter
{
    private byte[] _buffer = new byte[1 << 16];

    /// <summary>Bytes written since <see cref="Clear"/>.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    public int Length { get; private set; }

    public void Clear() => Length = 0;

    public void WriteInt32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Take(sizeof(int)), value);

    public void WriteInt64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Take(sizeof(long)), value);

    /// <summary>A byte count, then the UTF-8 bytes, transcoded straight into the buffer.</summary>
    public void WriteUtf8(string value)
    {
        var count = Reserve(sizeof(int) + Encoding.UTF8.GetMaxByteCount(value.Length));
        var bytes = Encoding.UTF8.GetBytes(value, count[sizeof(int)..]);
        BinaryPrimitives.WriteInt32LittleEndian(count, bytes);
        Length += sizeof(int) + bytes;
    }

    /// <summary>A char count (-1 for null), then the UTF-16 code units as they are in memory.</summary>
    public void WriteUtf16(string? value)
    {
        WriteInt32(value?.Length ?? -1);
        if (value is not null)
        {
            MemoryMarshal.AsBytes(value.AsSpan()).CopyTo(Take(value.Length * sizeof(char)));
        }
    }

    private Span<byte> Take(int count)
    {
        var span = Reserve(count)[..count];
        Length += count;
        return span;
    }

    private Span<byte> Reserve(int count)
    {
        if (Length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, (int)Math.Min(Array.MaxLength, Math.Max((long)_buffer.Length * 2, (long)Length + count)));
        }

        return _buffer.AsSpan(Length, count);
    }
}
