using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.IO.Hashing;

namespace PaperChunks.Formats;

/// <summary>
/// Decompresses every member of a gzip file (RFC 1952) and checks each member's trailer (CRC-32 and length)
/// against the bytes it gave. <see cref="GZipStream"/> alone ends quietly on a file cut anywhere before its
/// last trailer (a flush point, a bare header) and ignores bytes after a member that are not a member
/// (dotnet/runtime#47563; the strict mode is a process-wide switch a library cannot own), so the headers
/// and trailers are read here and only the deflate data goes through <see cref="DeflateStream"/>.
/// </summary>
internal sealed class GzipMemberStream : ReadOnlyStream
{
    private const int TrailerBytes = 8;

    private readonly Stream _file;
    private readonly string _sourceName;
    private readonly long _start;
    private readonly Crc32 _crc = new();
    private DeflateInput? _input;
    private DeflateStream? _member;
    private long _memberStart;
    private long _memberBytes;
    private bool _ended;

    /// <summary>Reads the gzip members of <paramref name="file"/> (seekable) from its current position.</summary>
    public GzipMemberStream(Stream file, string sourceName)
    {
        _file = file;
        _sourceName = sourceName;
        _start = file.Position;
    }

    /// <summary>Compressed bytes consumed so far, for the decompression-ratio bound.</summary>
    public long CompressedBytesRead => (_input?.End ?? _file.Position) - _start;

    /// <summary>Where the compressed data is now, for messages: the end of what the inflater was given.</summary>
    public long CompressedPosition => _input?.End ?? _file.Position;

    public override int Read(Span<byte> buffer)
    {
        while (!_ended)
        {
            var member = _member ?? StartMember();
            if (member is null)
            {
                break;
            }

            int n;
            try
            {
                n = member.Read(buffer);
            }
            catch (InvalidDataException e)
            {
                throw DamagedDeflate(e);
            }

            if (n > 0 || buffer.IsEmpty)
            {
                return Count(buffer[..n]);
            }

            EndMember();
        }

        return 0;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!_ended)
        {
            var member = _member ?? StartMember();
            if (member is null)
            {
                break;
            }

            int n;
            try
            {
                n = await member.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException e)
            {
                throw DamagedDeflate(e);
            }

            if (n > 0 || buffer.IsEmpty)
            {
                return Count(buffer.Span[..n]);
            }

            EndMember();
        }

        return 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _member?.Dispose();
            _file.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(ReadOnlySpan<byte> output)
    {
        _crc.Append(output);
        _memberBytes += output.Length;
        return output.Length;
    }

    /// <summary>Reads a member header at the current position; null at a clean end of the file.</summary>
    private DeflateStream? StartMember()
    {
        _memberStart = _file.Position;
        var header = new GzipHeaderReader(_file, _sourceName, _memberStart);
        if (!header.Read())
        {
            _ended = true;
            return null;
        }

        _crc.Reset();
        _memberBytes = 0;
        _input = new DeflateInput(_file);
        _member = new DeflateStream(_input, CompressionMode.Decompress, leaveOpen: true);
        return _member;
    }

    /// <summary>
    /// The deflate data of the member ended: find its trailer, check it and move the file to what follows.
    /// The inflater reads ahead, so the trailer is searched for in the last block it was given.
    /// </summary>
    private void EndMember()
    {
        var input = _input!;
        _member!.Dispose();
        _member = null;
        _input = null;
        if (input.SawEnd)
        {
            throw Error(_file.Length, $"the file ends inside the compressed data of the gzip member that starts at byte {_memberStart:N0} "
                + $"({_memberBytes:N0} bytes decompressed from it): the file is truncated");
        }

        var expected = new byte[TrailerBytes];
        BinaryPrimitives.WriteUInt32LittleEndian(expected, _crc.GetCurrentHashAsUInt32());
        BinaryPrimitives.WriteUInt32LittleEndian(expected.AsSpan(4), unchecked((uint)_memberBytes));
        var windowStart = Math.Max(_memberStart, input.LastReadStart - 16);
        var window = ReadAt(windowStart, (int)(input.End - windowStart) + TrailerBytes);
        var firstEnd = -1L;
        for (var at = window.AsSpan().IndexOf(expected); at >= 0; at = NextMatch(window, expected, at))
        {
            var after = windowStart + at + TrailerBytes;
            if (MemberFollows(after))
            {
                _file.Position = after;
                return;
            }

            firstEnd = firstEnd < 0 ? after : firstEnd;
        }

        throw firstEnd >= 0 ? NotAMember(firstEnd) : TrailerMismatch(window, windowStart, expected);
    }

    private static int NextMatch(byte[] window, byte[] expected, int at)
    {
        var next = window.AsSpan(at + 1).IndexOf(expected);
        return next < 0 ? -1 : at + 1 + next;
    }

    /// <summary>
    /// True when a trailer ending at <paramref name="offset"/> is followed by the end of the file, another
    /// member, or zero padding up to the end (which gzip also accepts); anything else is not data to ignore.
    /// </summary>
    private bool MemberFollows(long offset)
    {
        if (offset >= _file.Length)
        {
            return true;
        }

        var head = ReadAt(offset, 2);
        if (head.Length == 2 && head[0] == 0x1F && head[1] == 0x8B)
        {
            return true;
        }

        return head[0] == 0 && OnlyZerosFrom(offset);
    }

    private bool OnlyZerosFrom(long offset)
    {
        _file.Position = offset;
        var block = new byte[1 << 16];
        int n;
        while ((n = _file.Read(block)) > 0)
        {
            if (block.AsSpan(0, n).IndexOfAnyExcept((byte)0) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    private byte[] ReadAt(long offset, int count)
    {
        _file.Position = offset;
        var bytes = new byte[(int)Math.Min(count, Math.Max(0, _file.Length - offset))];
        _file.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>Says which half of the trailer disagrees when one half can be found, else that none is there.</summary>
    private PaperChunksFormatException TrailerMismatch(byte[] window, long windowStart, byte[] expected)
    {
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(expected);
        var crcAt = window.AsSpan().IndexOf(expected.AsSpan(0, 4));
        if (crcAt >= 0 && crcAt + TrailerBytes <= window.Length)
        {
            var stated = BinaryPrimitives.ReadUInt32LittleEndian(window.AsSpan(crcAt + 4));
            return Error(windowStart + crcAt + 4, $"the gzip member that starts at byte {_memberStart:N0} gives {_memberBytes:N0} bytes but its trailer "
                + $"says {stated:N0} (the length check, ISIZE, fails): the file is damaged");
        }

        var lengthAt = window.AsSpan().IndexOf(expected.AsSpan(4));
        if (lengthAt >= 4)
        {
            var stated = BinaryPrimitives.ReadUInt32LittleEndian(window.AsSpan(lengthAt - 4));
            return Error(windowStart + lengthAt - 4, $"the CRC-32 check of the gzip member that starts at byte {_memberStart:N0} fails: "
                + $"the trailer says {stated:X8}, the data gives {crc:X8}: the file is damaged");
        }

        return Error(windowStart + window.Length, $"the gzip member that starts at byte {_memberStart:N0} has no trailer matching its data "
            + $"(CRC-32 {crc:X8}, {_memberBytes:N0} bytes) after its compressed data: the file is truncated or damaged");
    }

    private PaperChunksFormatException NotAMember(long offset)
    {
        var head = ReadAt(offset, 4);
        var found = string.Join(' ', head.Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));
        return Error(offset, $"after the gzip member that starts at byte {_memberStart:N0} come bytes that are not a gzip member "
            + $"(found {found}, expected 1F 8B or the end of the file): the file is damaged");
    }

    private PaperChunksFormatException DamagedDeflate(InvalidDataException e) =>
        Error(CompressedPosition, $"the compressed data of the gzip member that starts at byte {_memberStart:N0} is damaged "
            + $"after {_memberBytes:N0} decompressed bytes (not valid deflate data)", e);

    private PaperChunksFormatException Error(long offset, string reason, Exception? inner = null) =>
        new(_sourceName, 0, 0, null, string.Create(CultureInfo.InvariantCulture, $"byte {offset:N0}: {reason}"), inner);

    /// <summary>The deflate data's source: records what it handed out, so the trailer can be found after it.</summary>
    private sealed class DeflateInput(Stream file) : ReadOnlyStream
    {
        public long LastReadStart { get; private set; } = file.Position;

        public long End { get; private set; } = file.Position;

        /// <summary>True once the inflater asked for more and the file had none: the deflate data is cut.</summary>
        public bool SawEnd { get; private set; }

        public override int Read(Span<byte> buffer)
        {
            LastReadStart = End;
            var n = file.Read(buffer);
            return Took(n, buffer.Length);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            LastReadStart = End;
            var n = await file.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            return Took(n, buffer.Length);
        }

        private int Took(int n, int asked)
        {
            End += n;
            SawEnd |= n == 0 && asked > 0;
            return n;
        }
    }
}
