using System.IO.Compression;

namespace PaperChunks.Formats;

/// <summary>
/// Opens text inputs and outputs with their whole-stream compression: chosen by extension, confirmed
/// by magic bytes on read (gzip <c>1F 8B</c>, zstd <c>28 B5 2F FD</c>), bounded against decompression bombs.
/// </summary>
internal static class CompressedStreams
{
    public static StreamCompression FromExtension(string path) =>
        path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? StreamCompression.Gzip
        : path.EndsWith(".zst", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".zstd", StringComparison.OrdinalIgnoreCase) ? StreamCompression.Zstd
        : StreamCompression.None;

    public static StreamCompression FromMagic(ReadOnlySpan<byte> head) =>
        head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B ? StreamCompression.Gzip
        : head.Length >= 4 && head[0] == 0x28 && head[1] == 0xB5 && head[2] == 0x2F && head[3] == 0xFD ? StreamCompression.Zstd
        : StreamCompression.None;

    /// <summary>Opens a file for reading, decompressed. The extension and the magic bytes must agree.</summary>
    public static Stream OpenRead(string path, ReaderOptions options)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PaperChunksFormatException(path, 0, 0, null, $"cannot open the file: {e.Message}", e);
        }

        try
        {
            return Decompress(file, path, FromExtension(path), options);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Wraps a seekable or peekable stream in its decompressor, detected from magic bytes.</summary>
    public static Stream Decompress(Stream raw, string sourceName, StreamCompression byExtension, ReaderOptions options)
    {
        var peekable = raw.CanSeek ? raw : new BufferedStream(raw, 1 << 16);
        Span<byte> head = stackalloc byte[4];
        var start = peekable.CanSeek ? peekable.Position : 0;
        var n = peekable.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        var byMagic = FromMagic(head[..n]);
        if (byExtension != StreamCompression.None && byMagic != byExtension)
        {
            var expected = byExtension == StreamCompression.Gzip ? "gzip data (magic 1F 8B)" : "zstd data (magic 28 B5 2F FD)";
            throw new PaperChunksFormatException(sourceName, 0, 0, null, $"expected {expected} as the extension says, found {Hex(head[..n])}");
        }

        if (peekable.CanSeek)
        {
            peekable.Position = start;
        }
        else
        {
            throw new NotSupportedException("Compression detection needs a seekable stream.");
        }

        switch (byMagic)
        {
            case StreamCompression.Gzip:
                var members = new GzipMemberStream(peekable, sourceName);
                return new BoundedDecompressionStream(members, () => members.CompressedBytesRead, sourceName, options.MaxDecompressionRatio);
            case StreamCompression.Zstd:
                var counted = new CountingStream(peekable);
                return new BoundedDecompressionStream(new ZstdSharp.DecompressionStream(counted), () => counted.BytesRead, sourceName, options.MaxDecompressionRatio);
            default:
                return peekable;
        }
    }

    /// <summary>Wraps an output stream in the compressor for the given compression.</summary>
    public static Stream Compress(Stream output, StreamCompression compression, CompressionLevel? level) => compression switch
    {
        StreamCompression.Gzip => new GZipStream(output, level ?? CompressionLevel.Optimal, leaveOpen: true),
        StreamCompression.Zstd => new ZstdSharp.CompressionStream(output, ZstdLevel(level), leaveOpen: true),
        _ => output,
    };

    // The levels DuckDB and the zstd CLI use for fast, default and small (zstd has no "store" level).
    private static int ZstdLevel(CompressionLevel? level) => level switch
    {
        CompressionLevel.Fastest or CompressionLevel.NoCompression => 1,
        CompressionLevel.SmallestSize => 19,
        _ => 3,
    };

    private static string Hex(ReadOnlySpan<byte> bytes) =>
        bytes.IsEmpty ? "an empty file" : string.Join(' ', bytes.ToArray().Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
}
