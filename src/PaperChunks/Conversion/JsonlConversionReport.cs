using PaperChunks.Formats;

namespace PaperChunks.Conversion;

/// <summary>What a finished <see cref="JsonlConverter.ConvertAsync"/> did.</summary>
/// <param name="Output">The JSON Lines file written.</param>
/// <param name="Input">The input's format and record kind, as detected or given.</param>
/// <param name="Rows">Records written.</param>
/// <param name="ErrorCount">Bad rows skipped (under <see cref="ErrorPolicy.SkipAndReport"/>).</param>
/// <param name="Errors">The kept errors of skipped rows, in input order.</param>
public sealed record JsonlConversionReport(
    string Output, DetectedFormat Input, long Rows, long ErrorCount, IReadOnlyList<PaperChunksFormatException> Errors)
{
    /// <summary>What <see cref="ConvertOptions.Normalizer"/> repaired, or <see langword="null"/> when records were copied as read.</summary>
    public Text.NormalizationReport? Normalization { get; init; }
}
