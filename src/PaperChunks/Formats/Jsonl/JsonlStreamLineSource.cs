using System.Buffers;

namespace PaperChunks.Formats.Jsonl;

/// <summary>
/// Splits a byte stream into lines over one pooled buffer that grows only as far as the longest line
/// (at least 1 MB; bounded by <see cref="ReaderOptions.MaxRowBytes"/>), so memory stays flat however large the file.
/// </summary>
internal sealed class JsonlStreamLineSource : JsonlLineSource
{
    // 1 MB reads: each read of the (asynchronous) file is a thread-pool round trip, and a read smaller than
    // the FileStream's own 64 KB buffer is copied twice. With 64 KB reads, a shard that skips most rows spent
    // a quarter of its CPU there (docs/performance.md, "Sharded runs").
    private const int InitialBuffer = 1 << 20;

    private readonly Stream _stream;
    private readonly int _maxRow;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private int _lineStart;
    private int _lineLength;
    private bool _eof;
    private bool _atFileStart;

    public JsonlStreamLineSource(Stream stream, int maxRowBytes, bool atFileStart = true)
    {
        _stream = stream;
        _maxRow = maxRowBytes;
        _atFileStart = atFileStart;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
    }

    public override ReadOnlySpan<byte> Line => _buffer.AsSpan(_lineStart, _lineLength);

    public override Outcome Next()
    {
        while (true)
        {
            if (TryTake() is { } outcome)
            {
                return outcome;
            }

            Fill(_stream.Read(FreeSpace()));
        }
    }

    public override ValueTask<Outcome> NextAsync(CancellationToken cancellationToken) =>
        TryTake() is { } outcome ? ValueTask.FromResult(outcome) : ReadThenNextAsync(cancellationToken);

    protected override void Dispose(bool disposing)
    {
        var buffer = _buffer;
        _buffer = [];
        _lineStart = _lineLength = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Only a line that needs a read pays for an asynchronous method: most lines are already in the buffer.
    private async ValueTask<Outcome> ReadThenNextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Fill(await _stream.ReadAsync(FreeMemory(), cancellationToken).ConfigureAwait(false));
            if (TryTake() is { } outcome)
            {
                return outcome;
            }
        }
    }

    private Outcome? TryTake()
    {
        _lineLength = 0;
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
            return Take(newline, newline + 1, terminated: true);
        }

        if (_eof)
        {
            return window.IsEmpty ? Outcome.End : Take(window.Length, window.Length, terminated: false);
        }

        // No line end yet: the content is at least the bytes held less a CR that may end the line, so a line of
        // exactly the limit is not cut for a read that stopped between its CR and LF.
        if (window.Length > _maxRow + 1L)
        {
            return SkipOverlongLine();
        }

        return null;
    }

    private Outcome Take(int length, int consumed, bool terminated)
    {
        LineNumber++;
        LastLineUnterminated = !terminated;
        var content = length > 0 && _buffer[_start + length - 1] == (byte)'\r' ? length - 1 : length;
        _lineStart = _start;
        _lineLength = content;
        _start += consumed;
        BytesConsumed += consumed;
        if (content > _maxRow)
        {
            _lineLength = 0;
            return Outcome.TooLong;
        }

        return Outcome.Line;
    }

    // Drops the rest of a line longer than the limit without buffering it, so a 50 GB line costs no memory.
    private Outcome SkipOverlongLine()
    {
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
