using PaperChunks.Formats;

namespace PaperChunks.Conversion;

/// <summary>How <see cref="PaperChunksConverter"/> reads, writes and normalizes. Immutable; derive variants with <c>with</c>.</summary>
public sealed record ConvertOptions
{
    /// <summary>The defaults: format from the output's extension, no overwriting, fail at the first bad row, no normalizing.</summary>
    public static ConvertOptions Default { get; } = new();

    /// <summary>The output format, or <see langword="null"/> to take it from the output's extension (Parquet for a dataset folder).</summary>
    public OutputFormat? To { get; init; }

    /// <summary>
    /// The inputs' format, or <see langword="null"/> to take it from each input's extension (<c>.parquet</c>,
    /// <c>.csv</c>) or, failing that, detect it from the content (JSON Lines, dataset-viewer copies).
    /// </summary>
    public InputFormat? From { get; init; }

    /// <summary>How inputs are read (error policy, limits).</summary>
    public ReaderOptions Reader { get; init; } = ReaderOptions.Default;

    /// <summary>How the output is written: overwriting (default off), compression, Parquet layout and sharding, CSV settings.</summary>
    public WriterOptions Writer { get; init; } = WriterOptions.Default;

    /// <summary>
    /// Repairs text on the way through, or <see langword="null"/> (the default) to copy records as read. With
    /// <see cref="NormalizeOptions.LearnCorpusVocabulary"/> the inputs are read twice: first to learn their words.
    /// </summary>
    public NormalizeOptions? Normalize { get; init; }

    /// <summary>
    /// The column types chunk rows are written with: the source's (the default; JSONL → Parquet → JSONL gives the
    /// input back) or <see cref="OutputSchema.Canonical"/>, the typed schema, e.g. to mix sources that store columns
    /// differently in one output. Applies to chunk rows only.
    /// </summary>
    public OutputSchema Schema { get; init; }

    /// <summary>
    /// Reads the inputs once more, first, to learn every extra column of their chunk rows (in the order they first
    /// appear, each a text column if it only ever holds strings), so that CSV and Parquet output takes rows whose
    /// extra columns differ from the first row's. Default false: the first row fixes the extra columns and a later
    /// row with another one is refused. Applies to chunk rows written to CSV or Parquet.
    /// </summary>
    public bool ScanExtraColumns { get; init; }
}
