using System.Buffers;

namespace PaperChunks.Formats.Jsonl;

/// <summary>
/// Splits a byte stream into lines over one pooled buffer that grows only as far as the longest line
/// (at least 1 MB; bounded by <see cref="ReaderOptions.MaxRowBytes"/>), so memory stays flat however large the file.
/// Skips a leading UTF-8 BOM, strips a CR before LF, and hands out blank lines for the caller to skip.
/// </summary>
internal sealed class JsonlLineSource : IDisposable
{
    // 1 MB reads: each read of the (asynchronous) file is a thread-pool round trip, and a read smaller than
    // the FileStream's own 64 KB buffer is copied twice. With 64 KB reads, a shard that skips most rows spent
    // a quarter of its CPU there (docs/performance.md, "Sharded runs").
    private const int InitialBuffer = 1 << 20;

    private readonly Stream _stream;
    private readonly int _maxRow;
    private readonly bool _readsInPlace;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private bool _atFileStart;

    /// <param name="stream">The bytes.</param>
    /// <param name="maxRowBytes">The longest line taken whole.</param>
    /// <param name="atFileStart">Whether the stream starts at the file's first byte (a BOM may follow).</param>
    /// <param name="skipping">Whether most lines will be skipped (a shard's reader): a plain file is then read in place.</param>
    public JsonlLineSource(Stream stream, int maxRowBytes, bool atFileStart = true, bool skipping = false)
    {
        _stream = stream;
        _maxRow = maxRowBytes;
        _atFileStart = atFileStart;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        _readsInPlace = skipping && stream is (FileStream { CanSeek: true } or FileRangeStream);
    }

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Whether the line last returned ended at end of file without a newline.</summary>
    public bool LastLineUnterminated { get; private set; }

    /// <summary>Bytes of the underlying (decompressed) stream consumed so far.</summary>
    public long BytesConsumed { get; private set; }

    /// <summary>Result of one attempt: a line, an over-long line (skipped), or the end.</summary>
    public enum Outcome
    {
        Line,
        TooLong,
        End,
    }

    public Outcome Next(out ReadOnlyMemory<byte> line)
    {
        while (true)
        {
            var outcome = TryTake(out line);
            if (outcome is { } o)
            {
                return o;
            }

            Fill(_stream.Read(FreeSpace()));
        }
    }

    public async ValueTask<(Outcome Outcome, ReadOnlyMemory<byte> Line)> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var outcome = TryTake(out var line);
            if (outcome is { } o)
            {
                return (o, line);
            }

            // A plain file's ReadAsync is a read() on another pool thread and a hop back, a thousand per GB. In a shard
            // that skips most lines they are a tenth of its CPU, so it reads the page cache itself (stats --shard 0/64,
            // AOT: 0.43 -> 0.39 s); a full parse is 3 % slower that way (convert), so it keeps them. Pipes, sockets and
            // decompressors, which can wait, stay asynchronous.
            Fill(_readsInPlace
                ? _stream.Read(FreeSpace())
                : await _stream.ReadAsync(FreeMemory(), cancellationToken).ConfigureAwait(false));
        }
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private Outcome? TryTake(out ReadOnlyMemory<byte> line)
    {
        line = default;
        if (_atFileStart && (_end - _start >= 3 || _eof))
        {
            _atFileStart = false;
            if (_buffer.AsSpan(_start, _end - _start).StartsWith("\uFEFF"u8))
            {
                _start += 3;
                BytesConsumed += 3;
            }
        }
        else if (_atFileStart)
        {
            return null;
        }

        var window = _buffer.AsSpan(_start, _end - _start);
        var newline = window.IndexOf((byte)'\n');
        if (newline >= 0)
        {
            return Take(newline, newline + 1, terminated: true, out line);
        }

        if (_eof)
        {
            return window.IsEmpty ? Outcome.End : Take(window.Length, window.Length, terminated: false, out line);
        }

        // No line end yet: the content is at least the bytes held less a CR that may end the line, so a line of
        // exactly the limit is not cut when a read stops between its CR and LF.
        if (window.Length > _maxRow + 1L)
        {
            return SkipOverlongLine(out line);
        }

        return null;
    }

    private Outcome Take(int length, int consumed, bool terminated, out ReadOnlyMemory<byte> line)
    {
        LineNumber++;
        LastLineUnterminated = !terminated;
        var content = length > 0 && _buffer[_start + length - 1] == (byte)'\r' ? length - 1 : length;
        line = new ReadOnlyMemory<byte>(_buffer, _start, content);
        _start += consumed;
        BytesConsumed += consumed;
        if (content > _maxRow)
        {
            line = default;
            return Outcome.TooLong;
        }

        return Outcome.Line;
    }

    // Drops the rest of a line longer than the limit without buffering it, so a 50 GB line costs no memory.
    private Outcome SkipOverlongLine(out ReadOnlyMemory<byte> line)
    {
        line = default;
        LineNumber++;
        while (true)
        {
            var window = _buffer.AsSpan(_start, _end - _start);
            var newline = window.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _start += newline + 1;
                BytesConsumed += newline + 1;
                return Outcome.TooLong;
            }

            BytesConsumed += window.Length;
            _start = _end = 0;
            var n = _stream.Read(_buffer);
            if (n == 0)
            {
                _eof = true;
                return Outcome.TooLong;
            }

            _end = n;
        }
    }

    private Span<byte> FreeSpace() => FreeMemory().Span;

    private Memory<byte> FreeMemory()
    {
        if (_start > 0 && (_start == _end || _end == _buffer.Length))
        {
            // Slide the partial line to the front before growing: the buffer stays as small as the longest line.
            var pending = _end - _start;
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
            _start = 0;
            _end = pending;
        }

        if (_end == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buffer.Length * 2, (long)_maxRow + InitialBuffer + 2));
            Buffer.BlockCopy(_buffer, _start, larger, 0, _end - _start);
            ArrayPool<byte>.Shared.Return(_buffer);
            _end -= _start;
            _start = 0;
            _buffer = larger;
        }

        return _buffer.AsMemory(_end);
    }

    private void Fill(int read)
    {
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }
}
