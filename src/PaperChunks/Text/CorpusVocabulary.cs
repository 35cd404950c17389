namespace PaperChunks.Text;

/// <summary>
/// Words and hyphenated compounds learned from a corpus (for instance every chunk of the papers being
/// normalized), so that repairs can recognise the corpus' own vocabulary (<c>ImageNet</c>,
/// <c>pre-trained</c>) that no dictionary lists. Immutable once built and safe to share between threads.
/// </summary>
public sealed class CorpusVocabulary
{
    private readonly HashSet<string> _words;
    private readonly HashSet<string> _compounds;

    private CorpusVocabulary(HashSet<string> words, HashSet<string> compounds)
    {
        _words = words;
        _compounds = compounds;
    }

    /// <summary>The number of distinct words learned (compared case-insensitively).</summary>
    public int WordCount => _words.Count;

    /// <summary>The number of distinct hyphenated compounds learned, such as <c>pre-trained</c>.</summary>
    public int CompoundCount => _compounds.Count;

    /// <summary>
    /// Learns every word (a run of letters) and every hyphenated compound (letters, a hyphen, letters, with no
    /// space after the hyphen) in <paramref name="texts"/>. Fragments of words broken across lines are learned
    /// too, which is harmless: a repair only asks about whole candidate words.
    /// </summary>
    /// <param name="texts">The texts to learn from, e.g. the <c>chunk</c> of every record of a corpus; enumerated once, so a
    /// lazy sequence over a file keeps only the words in memory (the converter's vocabulary pass learns this way).</param>
    public static CorpusVocabulary FromTexts(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var compounds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var text in texts)
        {
            if (text is not null)
                Learn(text, words, compounds);
        }
        return new CorpusVocabulary(words, compounds);
    }

    /// <summary>Whether <paramref name="word"/> was seen in the corpus (case-insensitive).</summary>
    /// <param name="word">A word of letters only.</param>
    public bool ContainsWord(string word) => _words.Contains(word);

    /// <summary>Whether the hyphenated <paramref name="compound"/> (e.g. <c>state-of-the-art</c> or <c>pre-trained</c>) was seen in the corpus.</summary>
    /// <param name="compound">Words joined by hyphens.</param>
    public bool ContainsCompound(string compound) => _compounds.Contains(compound);

    private static void Learn(string text, HashSet<string> words, HashSet<string> compounds)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i])) { i++; continue; }
            var start = i;
            var wordStart = i;
            while (true)
            {
                while (i < text.Length && char.IsLetter(text[i])) i++;
                words.Add(text[wordStart..i]);
                if (i + 1 < text.Length && text[i] == '-' && char.IsLetter(text[i + 1]))
                {
                    wordStart = ++i;
                    continue;
                }
                break;
            }
            if (wordStart != start)
                compounds.Add(text[start..i]);
        }
    }
}
