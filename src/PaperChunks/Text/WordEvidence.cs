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
    /// several share the strongest evidence (then <paramref name="tied"/> names them). Levels are tried
    /// strongest first, so the costly inflection search runs only when nothing stronger decided.
    /// </summary>
    public static string? Best(IReadOnlyList<string> candidates, string document, CorpusVocabulary? vocabulary, out string tied)
    {
        var lower = new string[candidates.Count];
        for (var k = 0; k < lower.Length; k++)
            lower[k] = candidates[k].ToLowerInvariant();
        var lexicon = Lexicon.English;
        for (var level = Document; level > None; level--)
        {
            string? chosen = null;
            tied = "";
            for (var k = 0; k < candidates.Count; k++)
            {
                var attested = level switch
                {
                    Document => ContainsWholeWord(document, candidates[k]) || (vocabulary?.ContainsWord(candidates[k]) ?? false),
                    Common => lexicon.IsCommon(lower[k]),
                    Listed => lexicon.Contains(lower[k]),
                    _ => lexicon.ContainsInflected(lower[k]),
                };
                if (!attested)
                    continue;
                tied = tied.Length == 0 ? candidates[k] : tied + " / " + candidates[k];
                chosen = chosen is null ? candidates[k] : "";
            }
            if (chosen is not null)
                return chosen.Length > 0 ? chosen : null;
        }
        tied = "";
        return null;
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
