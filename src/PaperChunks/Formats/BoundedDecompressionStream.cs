using System.Globalization;
using ZstdSharp;
using ZstdSharp.Unsafe;

namespace PaperChunks.Formats;

/// <summary>
/// Wraps a decompressor: turns its corruption errors into located format errors and stops a
/// decompression bomb once the output outgrows the compressed input by the allowed ratio.
/// </summary>
internal sealed class BoundedDecompressionStream(
    Stream decompressor, Func<long> compressedBytes, string sourceName, int maxRatio) : ReadOnlyStream
{
    // Headroom so that a tiny, highly compressible but honest file (a few repeated rows) is not refused.
    private const long Slack = 16L * 1024 * 1024;

    public long BytesOut { get; private set; }

    public long CompressedBytesRead => compressedBytes();

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
        e is InvalidDataException or ZstdException or EndOfStreamException;

    private int Count(int n)
    {
        BytesOut += n;
        var read = compressedBytes();
        if (BytesOut > (read * maxRatio) + Slack)
        {
            throw new PaperChunksFormatException(
                sourceName, 0, 0, null,
                string.Create(CultureInfo.InvariantCulture, $"decompressed size exceeds {maxRatio}x the compressed size ({BytesOut:N0} bytes from {read:N0}); ")
                + "raise ReaderOptions.MaxDecompressionRatio if the file is genuine");
        }

        return n;
    }

    // The zstd decoder's own words say what broke but not what to do; the window limit is zstd's default
    // (ZSTD_WINDOWLOG_LIMIT_DEFAULT, 2^27), the one the zstd CLI also refuses to pass without --long.
    private PaperChunksFormatException Corrupt(Exception e)
    {
        var at = string.Create(CultureInfo.InvariantCulture, $"byte {compressedBytes():N0}: ");
        var reason = e switch
        {
            ZstdException { Code: ZSTD_ErrorCode.ZSTD_error_frameParameter_windowTooLarge } =>
                "the zstd frame needs a decoding window larger than 128 MiB (it was compressed with --long or --ultra); "
                + "this reader allows up to 128 MiB: recompress with a smaller window (zstd without --long)",
            EndOfStreamException => string.Create(CultureInfo.InvariantCulture, $"the file ends inside a zstd frame after {BytesOut:N0} decompressed bytes: the file is truncated"),
            ZstdException z => string.Create(CultureInfo.InvariantCulture, $"the zstd data is damaged after {BytesOut:N0} decompressed bytes ({z.Message})"),
            _ => string.Create(CultureInfo.InvariantCulture, $"the compressed data is damaged after {BytesOut:N0} decompressed bytes ({e.Message})"),
        };
        return new(sourceName, 0, 0, null, at + reason, e);
    }
}
