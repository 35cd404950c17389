namespace PaperChunks.Formats.Parquet;

/// <summary>The codec a Parquet writer compresses its pages with.</summary>
public enum ParquetCompression
{
    /// <summary>Snappy: fast, moderate ratio; what most Parquet tools write by default.</summary>
    Snappy,

    /// <summary>Zstandard: smaller files at a small cost in speed.</summary>
    Zstd,

    /// <summary>gzip: widely readable, slower than the others.</summary>
    Gzip,

    /// <summary>No compression.</summary>
    None,
}
