using System.Globalization;
using System.IO.Compression;

namespace PaperChunks.Formats;

/// <summary>
/// Wraps a decompressor: turns its corruption errors into located format errors and stops a
/// decompression bomb once the output outgrows the compressed input by the allowed ratio.
/// </summary>
internal sealed class BoundedDecompressionStream(
    Stream decompressor, CountingStream compressed, string sourceName, int maxRatio) : ReadOnlyStream
{
    // Headroom so that a tiny, highly compressible but honest file (a few repeated rows) is not refused.
    private const long Slack = 16L * 1024 * 1024;

    public long BytesOut { get; private set; }

    public long CompressedBytesRead => compressed.BytesRead;

    public override long Position
    {
        get => BytesOut;
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        int n;
        try
        {
            n = decompressor.Read(buffer);
        }
        catch (Exception e) when (IsCorruption(e))
        {
            throw Corrupt(e);
        }

        return Count(n);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int n;
        try
        {
            n = await decompressor.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsCorruption(e))
        {
            throw Corrupt(e);
        }

        return Count(n);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            decompressor.Dispose();
        }

        base.Dispose(disposing);
    }

    private static bool IsCorruption(Exception e) =>
        e is InvalidDataException or ZstdSharp.ZstdException or EndOfStreamException;

    private int Count(int n)
    {
        BytesOut += n;
        if (BytesOut > (compressed.BytesRead * maxRatio) + Slack)
        {
            throw new PaperChunksFormatException(
                sourceName, 0, 0, null,
                string.Create(CultureInfo.InvariantCulture, $"decompressed size exceeds {maxRatio}x the compressed size ({BytesOut:N0} bytes from {compressed.BytesRead:N0}); ")
                + "raise ReaderOptions.MaxDecompressionRatio if the file is genuine");
        }

        return n;
    }

    private PaperChunksFormatException Corrupt(Exception e) =>
        new(sourceName, 0, 0, null, string.Create(CultureInfo.InvariantCulture, $"the compressed data is corrupt or truncated after {BytesOut:N0} decompressed bytes: {e.Message}"), e);
}
