namespace PaperChunks.Formats;

/// <summary>An on-disk input format <see cref="PaperChunksReader"/> can detect and open.</summary>
public enum InputFormat
{
    /// <summary>JSON Lines (<c>jsonl</c>), plain, <c>.gz</c> or <c>.zst</c>.</summary>
    Jsonl,

    /// <summary>CSV with a header row (<c>csv</c>).</summary>
    Csv,

    /// <summary>Parquet (<c>parquet</c>).</summary>
    Parquet,

    /// <summary>A dataset-viewer copy, one line per cell (<c>viewer-lines</c>).</summary>
    ViewerLines,

    /// <summary>A dataset-viewer copy as a pipe table (<c>viewer-table</c>).</summary>
    ViewerTable,

    /// <summary>A ShortScience page saved as text (<c>shortscience</c>).</summary>
    ShortScience,
}
