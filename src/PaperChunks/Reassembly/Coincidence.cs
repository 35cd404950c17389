namespace PaperChunks.Reassembly;

/// <summary>
/// The chance that a repeat at a joint is coincidence: text that does not overlap ending and beginning
/// with the same characters. Two models, the larger wins: characters drawn with the paper's own
/// character repeat rate (the sum of squared character frequencies, at least <see cref="MinCharRate"/>
/// because letters are not independent), and for a repeat on word boundaries, whole words with
/// <see cref="WordRate"/> (about the sum of squared word frequencies of English prose, erring high).
/// </summary>
internal static class Coincidence
{
    /// <summary>Lowest per-character repeat rate used: English letter pairs repeat more than unigram counts say.</summary>
    public const double MinCharRate = 0.08;

    /// <summary>Chance that two independent words of prose are the same word.</summary>
    public const double WordRate = 0.02;

    /// <summary>Highest chance counted for two figures (a token without letters) to be the same.</summary>
    private const double NumberRate = 0.2;

    /// <summary>Below this a repeat is taken as overlap with no further evidence.</summary>
    public const double Certain = 1e-8;

    /// <summary>Below this a long enough whole-word repeat is merged even where the paper shows no overlap.</summary>
    public const double Unlikely = 1e-4;

    /// <summary>Below this a repeat is a likely overlap: evidence for the regime when most joints show one.</summary>
    public const double Probable = 1e-2;

    /// <summary>Below this a repeat is evidence for learning the regime.</summary>
    public const double Unambiguous = 1e-6;

    /// <summary>The paper's per-character repeat rate, from up to 512 characters of each chunk.</summary>
    public static double CharRate(IReadOnlyList<string> chunks)
    {
        Span<int> counts = stackalloc int[256];
        counts.Clear();
        long total = 0;
        foreach (var chunk in chunks)
        {
            foreach (var c in chunk.AsSpan(0, Math.Min(chunk.Length, 512)))
            {
                counts[c & 0xFF]++;
                total++;
            }
        }

        if (total == 0)
        {
            return 1;
        }

        double sum = 0;
        foreach (var n in counts)
        {
            sum += (double)n / total * n / total;
        }

        return Math.Max(sum, MinCharRate);
    }

    /// <summary>
    /// Chance that <c>next[..length]</c> repeating the end of <paramref name="previous"/> is coincidence, or that
    /// the overlap is a shorter repeat inside it: a repeat with a period (<c>.00 0.00 0.00</c> in a table of
    /// <c>0.00</c> cells) is also a repeat one period shorter, so it tells no more than one period does.
    /// </summary>
    public static double OfRepeat(ReadOnlySpan<char> previous, ReadOnlySpan<char> next, int length, double charRate)
    {
        var chance = OfCharacters(length, charRate);
        if (Cuts.WordAligned(previous, next, length))
        {
            chance = Math.Max(chance, OfWords(next[..length], charRate));
        }

        return Math.Min(1, Math.Max(chance, OfPeriod(next[..length], charRate)));
    }

    /// <summary>
    /// Chance that a repeat with a period is one period too long: that many characters, or, where the period
    /// spans a word boundary, its words (a table's repeated cells, <c>PROTONETS PROTONETS</c>); 0 without a period.
    /// </summary>
    private static double OfPeriod(ReadOnlySpan<char> repeat, double charRate)
    {
        var period = Period(repeat);
        if (period >= repeat.Length)
        {
            return 0;
        }

        var piece = repeat[..period];
        return piece.IndexOfAny(' ', '\n', '\t') >= 0 ? Math.Max(OfCharacters(period, charRate), OfWords(piece, charRate)) : OfCharacters(period, charRate);
    }

    /// <summary>The shortest period of <paramref name="text"/> (its length less its longest proper border; Knuth-Morris-Pratt).</summary>
    private static int Period(ReadOnlySpan<char> text)
    {
        if (text.Length < 2)
        {
            return text.Length;
        }

        Span<int> border = text.Length <= 256 ? stackalloc int[text.Length] : new int[text.Length];
        border[0] = 0;
        for (int i = 1, k = 0; i < text.Length; i++)
        {
            while (k > 0 && text[i] != text[k])
            {
                k = border[k - 1];
            }

            k += text[i] == text[k] ? 1 : 0;
            border[i] = k;
        }

        return text.Length - border[^1];
    }

    /// <summary>
    /// Chance of a repeat of <paramref name="length"/> characters by the character model alone: for chunks cut
    /// at any character, whose word boundaries at a joint are themselves chance.
    /// </summary>
    public static double OfCharacters(int length, double charRate) => Math.Min(1, Math.Pow(charRate, length));

    /// <summary>Chance for a collapsed repeat of <paramref name="collapsedLength"/> characters: whole words by construction.</summary>
    public static double OfCollapsedRepeat(ReadOnlySpan<char> next, int collapsedLength, double charRate)
    {
        var end = OverlapFinder.EndOfCollapsedPrefix(next, collapsedLength);
        end = end < 0 ? next.Length : end;

        return Math.Min(1, Math.Max(Math.Max(Math.Pow(charRate, collapsedLength), OfWords(next[..end], charRate)), OfPeriod(next[..end], charRate)));
    }

    /// <summary>
    /// Whole words repeating by chance: each word at most <see cref="WordRate"/>, and a long word as
    /// rarely as half its letters drawn at random (long words are rare words); a number (no letters) at most
    /// <see cref="NumberRate"/>, as tables and axes repeat their figures (<c>5 10 15 20 25 30</c> twice in a row).
    /// </summary>
    private static double OfWords(ReadOnlySpan<char> text, double charRate)
    {
        double chance = 1;
        var (length, letters) = (0, false);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                length++;
                letters |= char.IsLetter(c);
                continue;
            }

            chance *= OfWord(length, letters, charRate);
            (length, letters) = (0, false);
        }

        return chance * OfWord(length, letters, charRate);
    }

    private static double OfWord(int length, bool letters, double charRate) =>
        length == 0 ? 1 : Math.Min(letters ? WordRate : NumberRate, Math.Pow(charRate, length / 2.0));
}
