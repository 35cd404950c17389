namespace PaperChunks.Formats;

/// <summary>An on-disk format <see cref="PaperChunksWriter"/> writes.</summary>
public enum OutputFormat
{
    /// <summary>JSON Lines, plain or <c>.gz</c> / <c>.zst</c>: every record kind.</summary>
    Jsonl,

    /// <summary>CSV with a header, plain or <c>.gz</c> / <c>.zst</c>: chunk, SciTLDR and paper-summary rows, lists as JSON cells.</summary>
    Csv,

    /// <summary>Parquet in the Hugging Face export's schema: every record kind but generic rows; a folder of shards or partitions for chunk rows.</summary>
    Parquet,
}
