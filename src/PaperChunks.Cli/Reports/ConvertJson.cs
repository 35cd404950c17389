namespace PaperChunks.Cli.Reports;

/// <summary>The report of <c>convert</c> writing chunk rows into CSV or Parquet: rows, papers and sizes.</summary>
/// <param name="Output">The output file or folder.</param>
/// <param name="Format">The output format's name.</param>
/// <param name="Rows">The rows written.</param>
/// <param name="Papers">The papers among them.</param>
/// <param name="BytesRead">The input bytes read.</param>
/// <param name="BytesWritten">The output bytes written.</param>
/// <param name="Seconds">The run's wall time, to the millisecond.</param>
/// <param name="ErrorCount">How many bad rows were skipped.</param>
/// <param name="Errors">The bad rows.</param>
/// <param name="Normalization">The normalizer's report, under <c>--normalize</c>.</param>
internal sealed record ConvertJson(
    string Output,
    string Format,
    long Rows,
    long Papers,
    long BytesRead,
    long BytesWritten,
    double Seconds,
    long ErrorCount,
    IReadOnlyList<ErrorJson> Errors,
    NormalizationJson? Normalization);
