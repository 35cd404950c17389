namespace PaperChunks.Cli.Reports;

/// <summary>A normalizer's report inside another command's report (<c>convert --normalize</c>, <c>reassemble --normalize</c>).</summary>
/// <param name="Records">The records read.</param>
/// <param name="Texts">The texts looked at.</param>
/// <param name="ChangedTexts">The texts changed.</param>
/// <param name="CorpusWords">The distinct words learned from the corpus, when it was read first.</param>
/// <param name="Fixes">Fix counts by repair kind, every kind listed.</param>
/// <param name="Examples">The kept examples of fixes.</param>
/// <param name="UndecidedCount">How many sequences were left alone undecided.</param>
/// <param name="Undecided">The kept undecided sequences.</param>
internal sealed record NormalizationJson(
    long Records,
    long Texts,
    long ChangedTexts,
    int? CorpusWords,
    IReadOnlyDictionary<string, long> Fixes,
    IReadOnlyList<FixJson> Examples,
    long UndecidedCount,
    IReadOnlyList<UndecidedJson> Undecided);
