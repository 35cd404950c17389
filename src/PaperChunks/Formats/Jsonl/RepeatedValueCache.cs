namespace PaperChunks.Formats.Jsonl;

/// <summary>
/// Remembers the raw JSON bytes and parsed value of one field from the previous row. Chunk rows repeat
/// the paper's metadata (a 1–2 KB summary, author lists) on every chunk, so reusing the previous string
/// when the bytes match saves most of the allocation and transcoding on a real corpus.
/// </summary>
internal sealed class RepeatedValueCache<T>
    where T : class
{
    private byte[] _raw = [];
    private int _length = -1;
    private T? _value;

    public bool TryGet(ReadOnlySpan<byte> raw, out T value)
    {
        if (_value is not null && raw.SequenceEqual(_raw.AsSpan(0, Math.Max(_length, 0))))
        {
            value = _value;
            return true;
        }

        value = null!;
        return false;
    }

    /// <summary>The value if <paramref name="rest"/> starts with exactly the remembered raw JSON.</summary>
    public bool TryGetPrefix(ReadOnlySpan<byte> rest, out T value)
    {
        if (_value is not null && rest.StartsWith(_raw.AsSpan(0, _length)))
        {
            value = _value;
            return true;
        }

        value = null!;
        return false;
    }

    public void Set(ReadOnlySpan<byte> raw, T value)
    {
        if (_raw.Length < raw.Length)
        {
            _raw = new byte[Math.Max(raw.Length, 256)];
        }

        raw.CopyTo(_raw);
        _length = raw.Length;
        _value = value;
    }
}
