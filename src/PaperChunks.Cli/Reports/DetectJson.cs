namespace PaperChunks.Cli.Reports;

/// <summary>The report of <c>detect</c>: what each readable file is, and the files that could not be read.</summary>
/// <param name="Files">The readable files, in the order given.</param>
/// <param name="ErrorCount">How many files could not be read.</param>
/// <param name="Errors">Why each of them could not.</param>
internal sealed record DetectJson(IReadOnlyList<DetectedFileJson> Files, int ErrorCount, IReadOnlyList<ErrorJson> Errors);
