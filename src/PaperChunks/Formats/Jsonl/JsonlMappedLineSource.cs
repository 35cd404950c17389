using System.IO.MemoryMappedFiles;
using Microsoft.Win32.SafeHandles;

namespace PaperChunks.Formats.Jsonl;

/// <summary>
/// Splits a plain file into lines in place, through read-only memory mappings of it, one window at a time:
/// a line is a span of the page cache, never copied by the kernel into a buffer nor by the reader into another.
/// A shard that passes over most of a file paid for that copy of every byte (docs/performance.md, "Sharded runs").
/// The file must not shrink while it is read: a page past its new end cannot be read (the process gets SIGBUS).
/// </summary>
internal sealed unsafe class JsonlMappedLineSource : JsonlLineSource
{
    // One window is mapped at a time, so that resident memory stays flat; a line longer than a window gets a
    // larger one, up to the row limit. 16 MB: 64 mappings per GB cost nothing next to the page faults.
    private const int DefaultWindowBytes = 16 << 20;

    private readonly MemoryMappedFile _map;
    private readonly long _rangeOffset;
    private readonly long _length;
    private readonly int _maxRow;
    private readonly int _windowBytes;
    private MemoryMappedViewAccessor? _view;
    private byte* _viewBytes;
    private long _viewStart;
    private int _viewLength;
    private long _position;
    private long _lineStart;
    private int _lineLength;
    private bool _atFileStart;

    private JsonlMappedLineSource(MemoryMappedFile map, long offset, long length, int maxRowBytes, bool atFileStart, int windowBytes)
    {
        _map = map;
        _rangeOffset = offset;
        _length = length;
        _maxRow = maxRowBytes;
        _atFileStart = atFileStart;
        _windowBytes = windowBytes;
        Remap(0, windowBytes);
    }

    public override ReadOnlySpan<byte> Line => new(_viewBytes + (_lineStart - _viewStart), _lineLength);

    /// <summary>
    /// Maps <paramref name="length"/> bytes of the file from <paramref name="offset"/>, or returns
    /// <see langword="null"/> when that cannot be done (an empty range, a file the system cannot map), so that the
    /// caller reads it as a stream instead.
    /// </summary>
    /// <param name="file">The open file; it stays the caller's and must outlive the source.</param>
    /// <param name="offset">The range's first byte, at a line start.</param>
    /// <param name="length">Bytes in the range.</param>
    /// <param name="maxRowBytes">The row limit (<see cref="ReaderOptions.MaxRowBytes"/>).</param>
    /// <param name="atFileStart">Whether the range starts the file (where a BOM may be).</param>
    /// <param name="windowBytes">The bytes mapped at once (smaller in tests, to cross windows); at least 3.</param>
    public static JsonlMappedLineSource? TryMap(SafeFileHandle file, long offset, long length, int maxRowBytes, bool atFileStart, int windowBytes = DefaultWindowBytes)
    {
        if (length <= 0 || IntPtr.Size < 8)
        {
            return null;
        }

        MemoryMappedFile? map = null;
        try
        {
            map = MemoryMappedFile.CreateFromFile(file, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
            return new JsonlMappedLineSource(map, offset, length, maxRowBytes, atFileStart, windowBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // Not a mappable file after all (the size changed, a file system without mappings): read it instead.
            map?.Dispose();
            return null;
        }
    }

    public override Outcome Next()
    {
        _lineLength = 0;
        if (_atFileStart)
        {
            _atFileStart = false;
            if (Window().StartsWith("\uFEFF"u8))
            {
                _position += 3;
                BytesConsumed += 3;
            }
        }

        while (_position < _length)
        {
            var window = Window();
            var newline = window.IndexOf((byte)'\n');
            if (newline >= 0 || _viewStart + _viewLength == _length)
            {
                return Take(window, newline);
            }

            // No line end yet: the line's content is at least the window less a CR that may end it.
            if (window.Length > _maxRow + 1L || window.Length == int.MaxValue)
            {
                return SkipOverlongLine();
            }

            // The line runs past the window: map from its start, a larger window if the line alone filled this one.
            Remap(_position, window.Length == _viewLength ? 2L * _viewLength : _windowBytes);
        }

        return Outcome.End;
    }

    // Nothing to wait for: the bytes are in memory (or one page fault away).
    public override ValueTask<Outcome> NextAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Next());
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _lineLength = 0;
            Unmap();
            _map.Dispose();
        }
    }

    // The rest of the current window from the current position.
    private ReadOnlySpan<byte> Window() => new(_viewBytes + (_position - _viewStart), (int)(_viewStart + _viewLength - _position));

    private Outcome Take(ReadOnlySpan<byte> window, int newline)
    {
        LineNumber++;
        LastLineUnterminated = newline < 0;
        var end = newline < 0 ? window.Length : newline;
        var content = end > 0 && window[end - 1] == (byte)'\r' ? end - 1 : end;
        var consumed = newline < 0 ? end : end + 1;
        _lineStart = _position;
        _position += consumed;
        BytesConsumed += consumed;
        if (content > _maxRow)
        {
            return Outcome.TooLong;
        }

        _lineLength = content;
        return Outcome.Line;
    }

    // A line longer than the limit: passed over to its end, one window at a time.
    private Outcome SkipOverlongLine()
    {
        LineNumber++;
        LastLineUnterminated = false;
        while (true)
        {
            var window = Window();
            var newline = window.IndexOf((byte)'\n');
            var consumed = newline < 0 ? window.Length : newline + 1;
            _position += consumed;
            BytesConsumed += consumed;
            if (newline >= 0)
            {
                return Outcome.TooLong;
            }

            if (_position == _length)
            {
                LastLineUnterminated = true;
                return Outcome.TooLong;
            }

            Remap(_position, _windowBytes);
        }
    }

    // Maps the window of up to size bytes from position (within the range) in place of the current one.
    private void Remap(long position, long size)
    {
        Unmap();
        var length = (int)Math.Min(Math.Min(size, int.MaxValue), _length - position);
        var view = _map.CreateViewAccessor(_rangeOffset + position, length, MemoryMappedFileAccess.Read);
        byte* bytes = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref bytes);
        _view = view;
        _viewBytes = bytes + view.PointerOffset;
        _viewStart = position;
        _viewLength = length;
    }

    private void Unmap()
    {
        if (_view is { } view)
        {
            _view = null;
            _viewBytes = null;
            view.SafeMemoryMappedViewHandle.ReleasePointer();
            view.Dispose();
        }
    }
}
