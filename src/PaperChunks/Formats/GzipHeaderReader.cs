using System.Globalization;

namespace PaperChunks.Formats;

/// <summary>
/// Reads one gzip member header (RFC 1952 section 2.3) and leaves the file at its deflate data. The optional
/// fields (extra, name, comment, header CRC) are skipped; a header cut short or with unknown flags is an error.
/// </summary>
internal sealed class GzipHeaderReader(Stream file, string sourceName, long memberStart)
{
    private const int FlagHeaderCrc = 0x02;
    private const int FlagExtra = 0x04;
    private const int FlagName = 0x08;
    private const int FlagComment = 0x10;
    private const int ReservedFlags = 0xE0;

    /// <summary>False at the end of the file or at the zero padding gzip allows after the last member.</summary>
    public bool Read()
    {
        var first = file.ReadByte();
        if (first is -1 or 0)
        {
            return false;
        }

        if (first != 0x1F || Next() != 0x8B)
        {
            throw Error(memberStart, "expected a gzip member (magic 1F 8B)");
        }

        var method = Next();
        if (method != 8)
        {
            throw Error(memberStart + 2, string.Create(CultureInfo.InvariantCulture, $"the gzip member uses compression method {method}; only 8 (deflate) exists"));
        }

        var flags = Next();
        if ((flags & ReservedFlags) != 0)
        {
            throw Error(memberStart + 3, string.Create(CultureInfo.InvariantCulture, $"the gzip header sets reserved flag bits (flags 0x{flags:X2}): the file is damaged"));
        }

        Skip(6); // MTIME, XFL, OS
        if ((flags & FlagExtra) != 0)
        {
            Skip(Next() | (Next() << 8));
        }

        if ((flags & FlagName) != 0)
        {
            SkipZeroTerminated();
        }

        if ((flags & FlagComment) != 0)
        {
            SkipZeroTerminated();
        }

        if ((flags & FlagHeaderCrc) != 0)
        {
            Skip(2);
        }

        return true;
    }

    private int Next()
    {
        var b = file.ReadByte();
        return b >= 0 ? b : throw Error(file.Position, string.Create(CultureInfo.InvariantCulture, $"the file ends inside the header of the gzip member that starts at byte {memberStart:N0}: the file is truncated"));
    }

    private void Skip(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Next();
        }
    }

    private void SkipZeroTerminated()
    {
        while (Next() != 0)
        {
        }
    }

    private PaperChunksFormatException Error(long offset, string reason) =>
        new(sourceName, 0, 0, null, string.Create(CultureInfo.InvariantCulture, $"byte {offset:N0}: {reason}"));
}
