namespace PaperChunks.Cli.Reports;

/// <summary>The report of <c>normalize</c>: the input, the output and the normalizer's report at the top.</summary>
/// <param name="Input">The input, as given.</param>
/// <param name="Format">The input's format name.</param>
/// <param name="Kind">The input's record kind name.</param>
/// <param name="Output">The output path.</param>
/// <param name="Records">The records read.</param>
/// <param name="Texts">The texts looked at.</param>
/// <param name="ChangedTexts">The texts changed.</param>
/// <param name="CorpusWords">The distinct words learned from the corpus.</param>
/// <param name="Fixes">Fix counts by repair kind, every kind listed.</param>
/// <param name="Examples">The kept examples of fixes.</param>
/// <param name="UndecidedCount">How many sequences were left alone undecided.</param>
/// <param name="Undecided">The kept undecided sequences.</param>
/// <param name="ErrorCount">How many bad rows were skipped.</param>
/// <param name="Errors">The bad rows.</param>
internal sealed record NormalizeJson(
    string Input,
    string? Format,
    string? Kind,
    string Output,
    long Records,
    long Texts,
    long ChangedTexts,
    int? CorpusWords,
    IReadOnlyDictionary<string, long> Fixes,
    IReadOnlyList<FixJson> Examples,
    long UndecidedCount,
    IReadOnlyList<UndecidedJson> Undecided,
    long ErrorCount,
    IReadOnlyList<ErrorJson> Errors);
