namespace PaperChunks;

/// <summary>Whole-stream compression of a text file, detected from magic bytes when reading.</summary>
public enum StreamCompression
{
    /// <summary>Plain bytes.</summary>
    None,

    /// <summary>gzip (RFC 1952), extension <c>.gz</c>, magic <c>1F 8B</c>.</summary>
    Gzip,

    /// <summary>Zstandard, extension <c>.zst</c>, magic <c>28 B5 2F FD</c>.</summary>
    Zstd,
}
