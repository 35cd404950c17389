using PaperChunks.Text;

namespace PaperChunks.Conversion;

/// <summary>What a conversion normalizes and how (<see cref="ConvertOptions.Normalize"/>). Immutable.</summary>
public sealed record NormalizeOptions
{
    /// <summary>The defaults: every repair of <see cref="TextNormalizerOptions.Default"/>, each record kind's default fields, the corpus' own words learned first.</summary>
    public static NormalizeOptions Default { get; } = new();

    /// <summary>The repairs to make.</summary>
    public TextNormalizerOptions Text { get; init; } = TextNormalizerOptions.Default;

    /// <summary>On-disk field names to normalize; empty (the default) for each record kind's defaults (see <see cref="RecordNormalizer"/>).</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>
    /// Read the inputs once first to learn their <see cref="CorpusVocabulary"/> (from the same fields), so
    /// repairs recognise the corpus' own words. Default true.
    /// </summary>
    public bool LearnCorpusVocabulary { get; init; } = true;
}
