using System.IO.Compression;
using PaperChunks.Formats;
using PaperChunks.Formats.Csv;
using PaperChunks.Formats.Parquet;

namespace PaperChunks;

/// <summary>
/// How a writer from <see cref="Formats.PaperChunksWriter"/> writes, for every format. Output to a path always
/// goes to a temporary file beside the target and is moved into place only on completion, so a failed or
/// cancelled write never leaves a partial file. Immutable; derive variants with <c>with</c>.
/// </summary>
public sealed record WriterOptions
{
    /// <summary>The defaults: an existing output is an error, compression from the extension, streams left open.</summary>
    public static WriterOptions Default { get; } = new();

    /// <summary>
    /// Replace an existing output. Default false: an existing file (or non-empty folder for a Parquet dataset)
    /// is a <see cref="PaperChunksOutputException"/> and stays untouched.
    /// </summary>
    public bool Overwrite { get; init; }

    /// <summary>
    /// Stream compression for text formats (JSONL, CSV). <see langword="null"/> chooses from the file
    /// extension (<c>.gz</c>, <c>.zst</c>) and means none for a stream.
    /// </summary>
    public StreamCompression? Compression { get; init; }

    /// <summary>
    /// Speed against size for gzip and zstd streams, in the same type as <see cref="ParquetWriterOptions.CompressionLevel"/>:
    /// <see cref="System.IO.Compression.CompressionLevel.Fastest"/> (zstd level 1),
    /// <see cref="System.IO.Compression.CompressionLevel.Optimal"/> (zstd level 3, the default),
    /// <see cref="System.IO.Compression.CompressionLevel.SmallestSize"/> (zstd level 19);
    /// <see cref="System.IO.Compression.CompressionLevel.NoCompression"/> stores gzip blocks uncompressed and is zstd level 1.
    /// <see langword="null"/> for the codec's default.
    /// </summary>
    public CompressionLevel? CompressionLevel { get; init; }

    /// <summary>
    /// For a writer over the caller's stream: leave the stream open when the writer is disposed (default
    /// true, as <see cref="System.Text.Json.Utf8JsonWriter"/> does); false disposes it with the writer.
    /// </summary>
    public bool LeaveOpen { get; init; } = true;

    /// <summary>Parquet layout: codec, row groups, and for chunk rows sharding or partitioning into a folder.</summary>
    public ParquetWriterOptions Parquet { get; init; } = ParquetWriterOptions.Default;

    /// <summary>CSV settings (formula escaping).</summary>
    public CsvWriterOptions Csv { get; init; } = CsvWriterOptions.Default;

    /// <summary>
    /// The extra columns of chunk rows written to CSV or Parquet, learned from the whole input before writing
    /// (<see cref="Conversion.ConvertOptions.ScanExtraColumns"/>); <see langword="null"/>: the first row fixes them.
    /// </summary>
    internal ExtraColumnSet? ExtraColumns { get; init; }
}
