namespace PaperChunks;

/// <summary>
/// Settings shared by every writer. Output always goes to a temporary file beside the target and is
/// moved into place only on completion, so a failed or cancelled write never leaves a partial file.
/// </summary>
public sealed record WriterOptions
{
    /// <summary>The defaults: replace an existing file, compression chosen from the extension.</summary>
    public static WriterOptions Default { get; } = new();

    /// <summary>Replace an existing output file (default). When false an existing file is an error.</summary>
    public bool Overwrite { get; init; } = true;

    /// <summary>
    /// Stream compression for text formats (JSONL, CSV). <see langword="null"/> chooses from the file
    /// extension (<c>.gz</c>, <c>.zst</c>) and means none for a stream.
    /// </summary>
    public StreamCompression? Compression { get; init; }

    /// <summary>Compression level for gzip (0–9) or zstd (1–22); <see langword="null"/> for the codec default.</summary>
    public int? CompressionLevel { get; init; }
}
