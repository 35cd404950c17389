namespace PaperChunks.Conversion;

/// <summary>What a finished conversion did.</summary>
/// <param name="Output">The output file or folder.</param>
/// <param name="Format">The output format.</param>
/// <param name="Rows">Rows written.</param>
/// <param name="Papers">Distinct <c>doi</c> values among them.</param>
/// <param name="BytesRead">Input bytes on disk.</param>
/// <param name="BytesWritten">Output bytes on disk.</param>
/// <param name="Elapsed">Wall time.</param>
/// <param name="ErrorCount">Bad rows skipped (under <see cref="ErrorPolicy.SkipAndReport"/>).</param>
/// <param name="Errors">The kept errors of skipped rows, in input order.</param>
public sealed record ConvertReport(
    string Output,
    ChunkFormat Format,
    long Rows,
    long Papers,
    long BytesRead,
    long BytesWritten,
    TimeSpan Elapsed,
    long ErrorCount,
    IReadOnlyList<PaperChunksFormatException> Errors)
{
    /// <summary>What <see cref="ConvertOptions.Normalizer"/> repaired, or <see langword="null"/> when records were copied as read.</summary>
    public Text.NormalizationReport? Normalization { get; init; }
}
