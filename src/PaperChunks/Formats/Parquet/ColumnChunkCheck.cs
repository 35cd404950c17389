using System.Globalization;
using Parquet.Meta;

namespace PaperChunks.Formats.Parquet;

/// <summary>
/// Checks a row group's column chunks against the file before Parquet.Net decodes them: each chunk's byte
/// range lies inside the file's data, and each page header in it (read, not the page) declares lengths
/// that fit the chunk and an uncompressed size its codec can produce. Parquet.Net sizes its buffers from
/// those numbers as they stand, so a damaged one made it allocate gigabytes for a kilobyte file; here it is a
/// corruption error first. Only headers are read: for the usual one or few pages per chunk, one small read each.
/// </summary>
internal sealed class ColumnChunkCheck(Stream stream, long dataEnd, ReaderOptions options)
{
    /// <summary>
    /// Any page may say it decompresses to this much, whatever its compressed size: a tiny page cannot
    /// cost more than this, and the ratio rules below stay for pages where they matter.
    /// </summary>
    private const int AlwaysAllowedUncompressedBytes = 1 << 20;

    /// <summary>
    /// Raw Snappy expands at most about 21x (a 3-byte copy element makes 64 bytes); 32 leaves room and
    /// still catches a damaged size on Parquet's most common codec.
    /// </summary>
    private const int SnappyMaxRatio = 32;

    private const int FirstReadBytes = 4096;

    private byte[] _buffer = new byte[FirstReadBytes];
    private long _bufferStart = -1;
    private int _bufferLength;

    /// <summary>
    /// Throws <see cref="InvalidDataException"/> naming the column and the damage when a chunk of
    /// <paramref name="rowGroup"/> cannot be what its metadata says. Returns why the row group cannot be
    /// read when it is sound but stored in a way Parquet.Net does not decode, else <see langword="null"/>.
    /// </summary>
    public async ValueTask<string?> CheckAsync(RowGroup rowGroup, CancellationToken cancellationToken)
    {
        var columns = rowGroup.Columns ?? [];
        for (var i = 0; i < columns.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await CheckChunkAsync(columns[i], i, cancellationToken).ConfigureAwait(false) is { } unsupported)
            {
                return unsupported;
            }
        }

        return null;
    }

    private async ValueTask<string?> CheckChunkAsync(ColumnChunk chunk, int index, CancellationToken cancellationToken)
    {
        var meta = chunk.MetaData;
        var column = meta?.PathInSchema is { Count: > 0 } path
            ? $"column \"{string.Join('.', path)}\""
            : string.Create(CultureInfo.InvariantCulture, $"column chunk {index}");
        if (meta is null)
        {
            throw Corrupt(column, "its metadata is missing");
        }

        // Parquet.Net, like every reader, starts at the lower of the two offsets and reads pages in sequence.
        var start = meta.DictionaryPageOffset is > 0 and var dictionary && dictionary < meta.DataPageOffset ? dictionary : meta.DataPageOffset;
        var end = start + meta.TotalCompressedSize;
        if (start < 4 || meta.TotalCompressedSize <= 0 || end > dataEnd || end < start)
        {
            throw Corrupt(column, string.Create(CultureInfo.InvariantCulture, $"its pages are said to take bytes {start:N0} to {end:N0}, outside the file's data (bytes 4 to {dataEnd:N0})"));
        }

        if (meta.DataPageOffset < start || meta.DataPageOffset >= end)
        {
            throw Corrupt(column, string.Create(CultureInfo.InvariantCulture, $"its data page offset {meta.DataPageOffset:N0} lies outside its pages (bytes {start:N0} to {end:N0})"));
        }

        if (meta.NumValues < 0)
        {
            throw Corrupt(column, string.Create(CultureInfo.InvariantCulture, $"its metadata says it holds {meta.NumValues:N0} values"));
        }

        var seen = 0L;
        var page = 0;
        for (var at = start; at < end && seen < meta.NumValues; page++)
        {
            var header = await ReadHeaderAsync(column, page, at, end, cancellationToken).ConfigureAwait(false);
            var body = at + header.Length;
            if (header.CompressedSize < 0 || header.CompressedSize > end - body)
            {
                throw Corrupt(column, page, at, string.Create(CultureInfo.InvariantCulture, $"it says it holds {header.CompressedSize:N0} bytes where {end - body:N0} are left in the column chunk"));
            }

            CheckUncompressedSize(meta.Codec, header, column, page, at);
            if (meta.Codec == CompressionCodec.SNAPPY && header.IsCompressed && header.Type != 1)
            {
                await CheckSnappyLengthAsync(header, body, column, page, at, cancellationToken).ConfigureAwait(false);
            }

            seen += CountValues(header, meta.NumValues - seen, column, page, at);
            if (header.RepetitionBytes > 0)
            {
                // Parquet.Net 6.1 throws NotImplementedException for a v2 page with repetition levels.
                return $"{column} is stored in version 2 data pages inside a list, which Parquet.Net (the decoder this build uses) cannot read; write the file with version 1 data pages (pyarrow's default, data_page_version=\"1.0\")";
            }

            at = body + header.CompressedSize;
        }

        if (seen < meta.NumValues)
        {
            throw Corrupt(column, string.Create(CultureInfo.InvariantCulture, $"its pages hold {seen:N0} values where its metadata says {meta.NumValues:N0}"));
        }

        return null;
    }

    private void CheckUncompressedSize(CompressionCodec codec, PageHeaderReader.PageHeader header, string column, int page, long at)
    {
        var ratio = codec switch
        {
            CompressionCodec.UNCOMPRESSED => 1,
            CompressionCodec.SNAPPY => SnappyMaxRatio,
            _ => options.MaxDecompressionRatio,
        };

        // A v2 page's levels are stored uncompressed in front of its compressed values.
        var allowed = Math.Max(AlwaysAllowedUncompressedBytes, header.LevelBytes + ((header.CompressedSize - header.LevelBytes) * (long)ratio));
        if (header.UncompressedSize < 0 || header.LevelBytes > header.CompressedSize || header.LevelBytes > header.UncompressedSize)
        {
            throw Corrupt(column, page, at, string.Create(CultureInfo.InvariantCulture, $"its sizes do not fit together ({header.CompressedSize:N0} bytes compressed, {header.UncompressedSize:N0} uncompressed, {header.LevelBytes:N0} of levels)"));
        }

        if (header.UncompressedSize > allowed)
        {
            var raise = codec is CompressionCodec.UNCOMPRESSED or CompressionCodec.SNAPPY
                ? $"more than {codec} can hold"
                : "more than ReaderOptions.MaxDecompressionRatio allows; raise it if the file is genuine";
            throw Corrupt(column, page, at, string.Create(CultureInfo.InvariantCulture, $"it says it decompresses to {header.UncompressedSize:N0} bytes from {header.CompressedSize:N0}, {raise}"));
        }
    }

    /// <summary>
    /// A Snappy block starts with its uncompressed length (a varint), and the decoder allocates that much
    /// before decoding: damage there made 270 MB for a 23 KB file. It must not exceed the header's size.
    /// </summary>
    private async ValueTask CheckSnappyLengthAsync(PageHeaderReader.PageHeader header, long body, string column, int page, long at, CancellationToken cancellationToken)
    {
        var start = body + header.LevelBytes;
        var size = (int)Math.Min(5, header.CompressedSize - header.LevelBytes);
        if (size == 0)
        {
            return;
        }

        var bytes = await BytesAsync(start, size, cancellationToken).ConfigureAwait(false);
        var expected = header.UncompressedSize - header.LevelBytes;
        if (SnappyLength(bytes.Span) is not { } length)
        {
            throw Corrupt(column, page, at, "its Snappy data does not start with a readable length");
        }

        if (length > (ulong)expected)
        {
            throw Corrupt(column, page, at, string.Create(CultureInfo.InvariantCulture, $"its Snappy data says it decompresses to {length:N0} bytes where its header says {expected:N0}"));
        }
    }

    /// <summary>The varint at the start of a Snappy block (at most 5 bytes: a 32-bit length), or null if it does not end there.</summary>
    private static ulong? SnappyLength(ReadOnlySpan<byte> bytes)
    {
        ulong length = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            length |= (ulong)(bytes[i] & 0x7F) << (7 * i);
            if ((bytes[i] & 0x80) == 0)
            {
                return length;
            }
        }

        return null;
    }

    /// <summary>The <paramref name="count"/> bytes at <paramref name="at"/>, from the buffer when it holds them.</summary>
    private async ValueTask<ReadOnlyMemory<byte>> BytesAsync(long at, int count, CancellationToken cancellationToken)
    {
        if (_bufferStart < 0 || at < _bufferStart || at + count > _bufferStart + _bufferLength)
        {
            await FillAsync(at, count, cancellationToken).ConfigureAwait(false);
        }

        return _buffer.AsMemory((int)(at - _bufferStart), count);
    }

    private static long CountValues(PageHeaderReader.PageHeader header, long left, string column, int page, long at)
    {
        switch (header.Type)
        {
            case 0 or 3: // DATA_PAGE, DATA_PAGE_V2
                if (header.Values is not { } values || values < 0 || values > left)
                {
                    throw Corrupt(column, page, at, string.Create(CultureInfo.InvariantCulture, $"it says it holds {header.Values?.ToString("N0", CultureInfo.InvariantCulture) ?? "no count of"} values where the column chunk has {left:N0} left"));
                }

                return values;
            case 2: // DICTIONARY_PAGE: each entry takes at least a bit (booleans) of its uncompressed bytes
                if (header.Values is not { } entries || entries < 0 || entries > header.UncompressedSize * 8L)
                {
                    throw Corrupt(column, page, at, string.Create(CultureInfo.InvariantCulture, $"its dictionary says it holds {header.Values?.ToString("N0", CultureInfo.InvariantCulture) ?? "no count of"} entries in {header.UncompressedSize:N0} bytes"));
                }

                return 0;
            case 1: // INDEX_PAGE, never written by any known writer; skipped as readers do
                return 0;
            default:
                throw Corrupt(column, page, at, string.Create(CultureInfo.InvariantCulture, $"its header has the unknown page type {header.Type}"));
        }
    }

    /// <summary>Reads the header at <paramref name="at"/>, reading more bytes while it goes on, up to the chunk's end or the row limit.</summary>
    private async ValueTask<PageHeaderReader.PageHeader> ReadHeaderAsync(string column, int page, long at, long end, CancellationToken cancellationToken)
    {
        var want = (int)Math.Min(end - at, FirstReadBytes);
        while (true)
        {
            await BytesAsync(at, want, cancellationToken).ConfigureAwait(false);
            var offset = (int)(at - _bufferStart);
            var available = (int)Math.Min(_bufferLength - offset, end - at);
            var outcome = PageHeaderReader.Read(_buffer.AsSpan(offset, available), end - at, out var header, out var invalid);
            if (outcome == PageHeaderReader.Outcome.Read)
            {
                return header;
            }

            if (outcome == PageHeaderReader.Outcome.Invalid)
            {
                throw Corrupt(column, page, at, invalid!);
            }

            if (available >= options.MaxRowBytes)
            {
                throw Corrupt(column, page, at, string.Create(CultureInfo.InvariantCulture, $"its header is longer than the {options.MaxRowBytes:N0}-byte row limit; raise ReaderOptions.MaxRowBytes if the file is genuine"));
            }

            want = (int)Math.Min(end - at, Math.Min((long)available * 2, options.MaxRowBytes));
        }
    }

    private async ValueTask FillAsync(long at, int count, CancellationToken cancellationToken)
    {
        // Read a little beyond the header asked for: the next page's header often follows a small page.
        var length = (int)Math.Min(Math.Max(count, FirstReadBytes), dataEnd - at);
        if (_buffer.Length < length)
        {
            _buffer = new byte[length];
        }

        stream.Seek(at, SeekOrigin.Begin);
        var read = 0;
        while (read < length)
        {
            var n = await stream.ReadAsync(_buffer.AsMemory(read, length - read), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        _bufferStart = at;
        _bufferLength = read;
        if (read < count)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"the file ends at byte {at + read:N0}, inside its data"));
        }
    }

    private static InvalidDataException Corrupt(string column, string reason) => new($"{column}: {reason}");

    private static InvalidDataException Corrupt(string column, int page, long at, string reason) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{column}, page {page + 1} (at byte {at:N0}): {reason}"));
}
