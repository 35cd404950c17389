namespace PaperChunks.Text;

/// <summary>
/// What <see cref="TextNormalizer.Normalize(string)"/> returns: the repaired text, each repair made and each
/// suspicious sequence left alone. A struct, so that clean text costs no allocation.
/// </summary>
public readonly record struct NormalizationResult
{
    internal NormalizationResult(string text, IReadOnlyList<TextFix> fixes, IReadOnlyList<UndecidedSequence> undecided)
    {
        Text = text;
        Fixes = fixes;
        Undecided = undecided;
    }

    /// <summary>The repaired text; the very instance passed in when nothing was changed.</summary>
    public string Text { get; }

    /// <summary>The repairs made, in order of <see cref="TextFix.Offset"/> within each repair kind.</summary>
    public IReadOnlyList<TextFix> Fixes { get; }

    /// <summary>Sequences that look damaged but were left as they are, with the reason.</summary>
    public IReadOnlyList<UndecidedSequence> Undecided { get; }

    /// <summary>Whether any repair changed the text.</summary>
    public bool Changed => Fixes.Count > 0;

    internal static NormalizationResult Unchanged(string text) => new(text, [], []);
}
