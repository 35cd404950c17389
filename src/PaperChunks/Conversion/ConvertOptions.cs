using PaperChunks.Formats.Csv;
using PaperChunks.Formats.Parquet;

namespace PaperChunks.Conversion;

/// <summary>How <see cref="ChunkConverter"/> reads and writes. Immutable; derive variants with <c>with</c>.</summary>
public sealed record ConvertOptions
{
    /// <summary>The defaults: format from the output's extension, no overwriting, fail at the first bad row.</summary>
    public static ConvertOptions Default { get; } = new();

    /// <summary>The output format, or <see langword="null"/> to take it from the output's extension.</summary>
    public ChunkFormat? To { get; init; }

    /// <summary>
    /// The inputs' format, or <see langword="null"/> to take it from each input's extension (<c>.parquet</c>,
    /// <c>.csv</c>) or, failing that, detect it from the content (JSON Lines, dataset-viewer copies).
    /// </summary>
    public Formats.InputFormat? From { get; init; }

    /// <summary>Replace an existing output. Default false: an existing output is an error and stays untouched.</summary>
    public bool Overwrite { get; init; }

    /// <summary>How inputs are read (error policy, limits).</summary>
    public ReaderOptions Reader { get; init; } = ReaderOptions.Default;

    /// <summary>Parquet layout; its sharding or partitioning settings make the output a folder.</summary>
    public ParquetWriterOptions Parquet { get; init; } = ParquetWriterOptions.Default;

    /// <summary>CSV settings (formula escaping).</summary>
    public CsvWriterOptions Csv { get; init; } = CsvWriterOptions.Default;

    /// <summary>
    /// Repairs the chosen text fields of every record on the way through, or <see langword="null"/> (the
    /// default) to copy records as read. Build it with a <see cref="Text.CorpusVocabulary"/> learned from
    /// the same inputs (<see cref="Text.CorpusVocabulary.LearnAsync"/>) to recognise the corpus' own words.
    /// </summary>
    public Text.RecordNormalizer? Normalizer { get; init; }
}
