namespace PaperChunks.Text;

/// <summary>
/// The state of one <see cref="TextNormalizer.Normalize(string)"/> call: the fixes and undecided sequences
/// found so far, and the edits of every pass already run, so that an offset in the current text can be
/// mapped back to the caller's text.
/// </summary>
internal sealed class RepairSession(string source, CorpusVocabulary? vocabulary)
{
    private readonly List<TextEdit[]> _passes = [];

    public string Source { get; } = source;

    public CorpusVocabulary? Vocabulary { get; } = vocabulary;

    public List<TextFix> Fixes { get; } = [];

    public List<UndecidedSequence> Undecided { get; } = [];

    /// <summary>Where the lossy-mojibake pass found the closing quote of a pair it opened; -1 when none is open.</summary>
    public int PendingCloseQuote { get; set; } = -1;

    public void AddPass(TextEdit[] edits)
    {
        if (edits.Length > 0)
            _passes.Add(edits);
    }

    public void Fix(RepairKind kind, int offset, string before, string after) =>
        Fixes.Add(new TextFix(kind, ToSource(offset), before, after));

    public void Undecide(RepairKind kind, string text, int offset, int length, string reason)
    {
        var start = Math.Max(0, offset - 12);
        var end = Math.Min(text.Length, offset + length + 12);
        Undecided.Add(new UndecidedSequence(kind, ToSource(offset), text[start..end], reason));
    }

    /// <summary>Maps an offset in the text the next pass reads back to the caller's text.</summary>
    public int ToSource(int offset)
    {
        for (var p = _passes.Count - 1; p >= 0; p--)
            offset = TextEdit.ToInput(_passes[p], offset);
        return offset;
    }
}
