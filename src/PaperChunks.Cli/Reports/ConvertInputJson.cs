namespace PaperChunks.Cli.Reports;

/// <summary>The report of <c>convert</c> of one input written as JSON Lines, or of rows other than chunks: what the input was found to be.</summary>
/// <param name="Input">The input, as given.</param>
/// <param name="Format">The input's format name.</param>
/// <param name="Kind">The input's record kind name.</param>
/// <param name="Output">The output path.</param>
/// <param name="Rows">The rows written.</param>
/// <param name="ErrorCount">How many bad rows were skipped.</param>
/// <param name="Errors">The bad rows.</param>
/// <param name="Normalization">The normalizer's report, under <c>--normalize</c>.</param>
internal sealed record ConvertInputJson(
    string Input,
    string Format,
    string Kind,
    string Output,
    long Rows,
    long ErrorCount,
    IReadOnlyList<ErrorJson> Errors,
    NormalizationJson? Normalization);
