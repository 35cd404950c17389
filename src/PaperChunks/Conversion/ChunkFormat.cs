namespace PaperChunks.Conversion;

/// <summary>An on-disk format chunk rows can be converted to.</summary>
public enum ChunkFormat
{
    /// <summary>JSON Lines, plain or <c>.gz</c> / <c>.zst</c>.</summary>
    Jsonl,

    /// <summary>CSV with a header, plain or <c>.gz</c> / <c>.zst</c>.</summary>
    Csv,

    /// <summary>Parquet in the Hugging Face export's schema.</summary>
    Parquet,
}
