using Microsoft.Win32.SafeHandles;

namespace PaperChunks.Formats;

/// <summary>
/// Reads one byte range of a file by offset (<see cref="RandomAccess"/>), so several threads can each
/// read their own part of one file without sharing a position.
/// </summary>
internal sealed class FileRangeStream : ReadOnlyStream
{
    private readonly SafeFileHandle _file;
    private readonly long _end;
    private long _position;

    public FileRangeStream(string path, long start, long length)
    {
        _file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        _position = start;
        _end = start + length;
    }

    public override int Read(Span<byte> buffer)
    {
        var n = RandomAccess.Read(_file, buffer[..(int)Math.Min(buffer.Length, _end - _position)], _position);
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    /// <summary>Line breaks before <paramref name="offset"/>: the number of the line before the range's first.</summary>
    public static long LinesBefore(string path, long offset)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        long lines = 0;
        for (long position = 0; position < offset;)
        {
            var n = RandomAccess.Read(file, buffer.AsSpan(0, (int)Math.Min(buffer.Length, offset - position)), position);
            if (n == 0)
            {
                break;
            }

            lines += buffer.AsSpan(0, n).Count((byte)'\n');
            position += n;
        }

        return lines;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
        }

        base.Dispose(disposing);
    }
}
