namespace PaperChunks.Text;

/// <summary>
/// How well a candidate word is attested, strongest first: the document being normalized or the corpus
/// vocabulary spells it; the lexicon lists it among its common words; the lexicon lists it; the lexicon
/// lists it with a common prefix or suffix.
/// </summary>
internal static class WordEvidence
{
    public const int None = 0;
    public const int Inflected = 1;
    public const int Listed = 2;
    public const int Common = 3;
    public const int Document = 4;

    public static int Of(string word, string document, CorpusVocabulary? vocabulary)
    {
        if (ContainsWholeWord(document, word) || (vocabulary?.ContainsWord(word) ?? false))
            return Document;
        var lower = word.ToLowerInvariant();
        var lexicon = Lexicon.English;
        if (lexicon.IsCommon(lower))
            return Common;
        if (lexicon.Contains(lower))
            return Listed;
        return lexicon.ContainsInflected(lower) ? Inflected : None;
    }

    /// <summary>
    /// Picks the one candidate with the strongest evidence; <see langword="null"/> when none is attested or
    /// several share the strongest evidence (then <paramref name="tied"/> names them).
    /// </summary>
    public static string? Best(IReadOnlyList<string> candidates, string document, CorpusVocabulary? vocabulary, out string tied)
    {
        var best = None;
        string? chosen = null;
        var count = 0;
        tied = "";
        foreach (var candidate in candidates)
        {
            var level = Of(candidate, document, vocabulary);
            if (level > best) { best = level; chosen = candidate; count = 1; tied = candidate; }
            else if (level == best && level > None) { count++; tied += " / " + candidate; }
        }
        return count == 1 ? chosen : null;
    }

    /// <summary>Whether <paramref name="text"/> holds <paramref name="word"/> (case-insensitive) with no letter on either side.</summary>
    public static bool ContainsWholeWord(string text, string word)
    {
        var from = 0;
        while (from <= text.Length - word.Length)
        {
            var at = text.IndexOf(word, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
                return false;
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetter(text[at - 1])) && (end == text.Length || !char.IsLetter(text[end])))
                return true;
            from = at + 1;
        }
        return false;
    }
}
