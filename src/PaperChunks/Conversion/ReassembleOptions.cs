using PaperChunks.Formats;
using PaperChunks.Reassembly;

namespace PaperChunks.Conversion;

/// <summary>How <see cref="FileReassembler"/> reads chunk files, reassembles and writes papers. Immutable; derive variants with <c>with</c>.</summary>
public sealed record ReassembleOptions
{
    /// <summary>The defaults: papers in the format the output's extension names, no overwriting, fail at the first bad row.</summary>
    public static ReassembleOptions Default { get; } = new();

    /// <summary>How papers are rebuilt: overlaps, gaps, duplicates, the sort's memory and threads.</summary>
    public ReassemblyOptions Reassembly { get; init; } = ReassemblyOptions.Default;

    /// <summary>
    /// The papers' format (<see cref="OutputFormat.Jsonl"/> or <see cref="OutputFormat.Parquet"/>), or
    /// <see langword="null"/> (the default) to take it from the output's extension. Give it for an output that has
    /// none: a pipe or a device such as <c>/dev/stdout</c>.
    /// </summary>
    public OutputFormat? To { get; init; }

    /// <summary>The inputs' format, or <see langword="null"/> to detect each.</summary>
    public InputFormat? From { get; init; }

    /// <summary>How inputs are read (error policy, limits).</summary>
    public ReaderOptions Reader { get; init; } = ReaderOptions.Default;

    /// <summary>How the papers are written: overwriting (default off), compression, Parquet layout.</summary>
    public WriterOptions Writer { get; init; } = WriterOptions.Default;

    /// <summary>
    /// Repairs each chunk row's text before the join, or <see langword="null"/> (the default) to join rows as read.
    /// Normalizing reads the inputs on one thread (the report is tallied on one) and, with
    /// <see cref="NormalizeOptions.LearnCorpusVocabulary"/>, twice.
    /// </summary>
    public NormalizeOptions? Normalize { get; init; }
}
