using System.Globalization;
using PaperChunks.Formats;
using PaperChunks.Text;

namespace PaperChunks.Conversion;

/// <summary>What a finished <see cref="PaperChunksConverter.ConvertAsync"/> did.</summary>
public sealed record ConvertReport
{
    /// <summary>The input files, in the order read.</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    /// <summary>The output file or folder.</summary>
    public required string Output { get; init; }

    /// <summary>The output format.</summary>
    public required OutputFormat Format { get; init; }

    /// <summary>The record kind written (chunk rows when several inputs were merged).</summary>
    public required RecordKind Kind { get; init; }

    /// <summary>A single input's detected (or given) format and kind; <see langword="null"/> when several inputs were merged.</summary>
    public DetectedFormat? Input { get; init; }

    /// <summary>Rows written.</summary>
    public long Rows { get; init; }

    /// <summary>Distinct <c>doi</c> values among chunk rows written; 0 for other record kinds.</summary>
    public long Papers { get; init; }

    /// <summary>Input bytes on disk.</summary>
    public long BytesRead { get; init; }

    /// <summary>Output bytes on disk.</summary>
    public long BytesWritten { get; init; }

    /// <summary>Wall time of the whole run, the vocabulary pass included.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Bad rows skipped (under <see cref="ErrorPolicy.SkipAndReport"/>), counted once even when a normalizing run reads them twice.</summary>
    public long ErrorCount { get; init; }

    /// <summary>The kept errors of skipped rows, in input order.</summary>
    public IReadOnlyList<PaperChunksFormatException> Errors { get; init; } = [];

    /// <summary>What <see cref="ConvertOptions.Normalize"/> repaired, or <see langword="null"/> when records were copied as read.</summary>
    public NormalizationReport? Normalization { get; init; }

    /// <summary>Distinct words learned by the vocabulary pass, or <see langword="null"/> when there was none.</summary>
    public int? CorpusWords { get; init; }

    /// <summary>One line: <c>100 chunk rows (5 papers) -> out.parquet (Parquet, 81,234 bytes), 0 bad rows skipped, 0.4 s</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Rows:N0} {Input?.KindName ?? "chunk"} rows{(Kind == RecordKind.Chunk ? $" ({Papers:N0} papers)" : "")} -> {Output} ({Format}, {BytesWritten:N0} bytes), {ErrorCount:N0} bad rows skipped, {Elapsed.TotalSeconds:F1} s");
}
