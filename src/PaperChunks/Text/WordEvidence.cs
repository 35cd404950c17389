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
    /// Picks the one candidate with the strongest evidence; among several that share it, the one whose word
    /// frequency band (<see cref="WordBands"/>) is clearly more common than all the others'; <see langword="null"/>
    /// when none is attested or the tie stands (then <paramref name="tied"/> names them). Levels are tried
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
            string? common = null;
            int commonBand = WordBands.Unlisted, rivalBand = WordBands.Unlisted;
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
                var band = WordBands.English.BandOf(lower[k]);
                if (band < commonBand)
                {
                    (rivalBand, commonBand, common) = (commonBand, band, candidates[k]);
                }
                else
                {
                    rivalBand = Math.Min(rivalBand, band);
                }
            }
            // A tie is broken by word frequency when one candidate is clearly the more common word (flat, not fiat).
            if (chosen is { Length: 0 } && WordBands.IsClearlyMoreCommon(commonBand, rivalBand))
                return common;
            if (chosen is not null)
                return chosen.Length > 0 ? chosen : null;
        }
        tied = "";
        return null;
    }

    /// <summary>
    /// Whether <paramref name="text"/> holds <paramref name="word"/> with no letter on either side, spelled as
    /// given, in lower case, capitalized or in capitals. Four ordinal searches rather than one
    /// OrdinalIgnoreCase search: with invariant globalization (as this repository builds) the latter falls to a
    /// scalar loop on non-ASCII text, which made damaged chunks 8× slower.
    /// </summary>
    public static bool ContainsWholeWord(string text, string word)
    {
        if (word.Length == 0 || word.Length > 64)
            return false;
        Span<char> variant = stackalloc char[word.Length];
        if (ContainsExactWholeWord(text, word))
            return true;
        word.AsSpan().ToLowerInvariant(variant);
        if (!variant.SequenceEqual(word) && ContainsExactWholeWord(text, variant))
            return true;
        variant[0] = char.ToUpperInvariant(variant[0]);
        if (!variant.SequenceEqual(word) && ContainsExactWholeWord(text, variant))
            return true;
        word.AsSpan().ToUpperInvariant(variant);
        return !variant.SequenceEqual(word) && ContainsExactWholeWord(text, variant);
    }

    private static bool ContainsExactWholeWord(string text, ReadOnlySpan<char> word)
    {
        var span = text.AsSpan();
        var from = 0;
        while (from <= span.Length - word.Length)
        {
            var found = span[from..].IndexOf(word, StringComparison.Ordinal);
            if (found < 0)
                return false;
            var at = from + found;
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetter(span[at - 1])) && (end == span.Length || !char.IsLetter(span[end])))
                return true;
            from = at + 1;
        }
        return false;
    }
}
