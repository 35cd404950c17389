namespace PaperChunks.Reassembly;

/// <summary>What kind of place a cut between two characters is: mid-word, a word boundary, a sentence end.</summary>
internal static class Cuts
{
    /// <summary>
    /// Whitespace trimmed off a chunk's start, at most, in characters: its first piece's separator, of which
    /// LangChain's defaults (<c>"\n\n"</c>, <c>"\n"</c>, <c>" "</c>) are two characters at the longest.
    /// </summary>
    private const int TrimmedStart = 2;

    /// <summary>Whether the cut before <c>text[at]</c> splits a word (letters or digits on both sides).</summary>
    public static bool MidWord(ReadOnlySpan<char> text, int at) =>
        at > 0 && at < text.Length && char.IsLetterOrDigit(text[at - 1]) && char.IsLetterOrDigit(text[at]);

    /// <summary>Whether the repeat <c>next[..length]</c> starts and ends on word boundaries in the two chunks.</summary>
    public static bool WordAligned(ReadOnlySpan<char> previous, ReadOnlySpan<char> next, int length)
    {
        var start = previous.Length - length;
        var startsClean = start <= 0 || char.IsWhiteSpace(previous[start - 1]) || char.IsWhiteSpace(previous[start]);
        var endsClean = length >= next.Length || char.IsWhiteSpace(next[length]) || char.IsWhiteSpace(next[length - 1]);
        return startsClean && endsClean;
    }

    /// <summary>Whether the repeat starts after a sentence end in the previous chunk and ends at one in the next.</summary>
    public static bool SentenceAligned(ReadOnlySpan<char> previous, ReadOnlySpan<char> next, int length)
    {
        var start = previous.Length - length;
        var before = previous[..Math.Max(0, start)].TrimEnd();
        var startsClean = before.IsEmpty || EndsSplit(before);
        return startsClean && (length >= next.Length || EndsSplit(next[..length].TrimEnd()));
    }

    /// <summary>Whether the text ends with sentence punctuation, perhaps followed by closing quotes or brackets.</summary>
    public static bool EndsSentence(ReadOnlySpan<char> text)
    {
        var t = text.TrimEnd(")]\"'”’");
        return !t.IsEmpty && t[^1] is '.' or '?' or '!' or ':' or ';';
    }

    /// <summary>
    /// Whether text cut after sentence punctuation most likely went on with no space: the next chunk starts
    /// with closing punctuation (<c>et al.</c> | <c>, 2010</c>), a lowercase letter (<c>li.</c> | <c>zhenguo</c>), or
    /// digits after one digit and a point (<c>2.</c> | <c>93</c>). A sentence splitter's fallback cuts there; a new
    /// sentence starts otherwise.
    /// </summary>
    public static bool ContinuesWord(ReadOnlySpan<char> previous, ReadOnlySpan<char> next)
    {
        if (next.IsEmpty || previous.IsEmpty)
        {
            return false;
        }

        var first = next[0];
        var decimalPoint = char.IsAsciiDigit(first) && previous.Length >= 2 && previous[^1] == '.' && char.IsAsciiDigit(previous[^2])
            && (previous.Length == 2 || !char.IsAsciiDigit(previous[^3]));
        return first is ',' or ';' or ':' or '.' or ')' or ']' or '}' or '!' or '?' || char.IsLower(first) || decimalPoint;
    }

    /// <summary>
    /// A recursive splitter closes a chunk only when the next piece would not fit; if the piece after a
    /// supposed overlap (the word, line or paragraph, by the break that follows the overlap) would have
    /// fitted after the previous chunk within the longest chunk seen, the chunk was not closed there for
    /// size: the repeat is the text's own (a line repeated in a formula), not an overlap. This holds only for
    /// splitters that count characters; <see cref="PaperShape.ClosesAtLength"/> says whether a paper's own joints show it.
    /// </summary>
    public static bool PieceAfterWouldHaveFit(string previous, string next, int length, int chunkChars)
    {
        var rest = next.AsSpan(length);
        var gap = rest.IndexOfAnyExcept(" \t\r\n");
        if (length == 0 || gap <= 0)
        {
            return false;
        }

        var breakText = rest[..gap];
        var piece = rest[gap..];
        var end = breakText.IndexOf("\n\n", StringComparison.Ordinal) >= 0 ? piece.IndexOf("\n\n", StringComparison.Ordinal)
            : breakText.Contains('\n') ? piece.IndexOf('\n')
            : piece.IndexOfAny(" \t\r\n");
        // Room for the break, as long as the next chunk shows it (a paragraph's two characters: seed 2r_iSkh8S_H1 closed a
        // chunk one character short of fitting a paragraph), and for whitespace the splitter trimmed off the previous
        // chunk's start (LangChain's splitter keeps each separator at the start of its piece, so a chunk's first piece loses its own).
        return previous.Length + TrimmedStart + breakText.Length + (end < 0 ? piece.Length : end) <= chunkChars;
    }

    /// <summary>
    /// Whether the text ends a sentence splitter's piece: a sentence, or a clause at a comma (LlamaIndex's
    /// fallback splits a long sentence after <c>,</c> <c>.</c> <c>;</c> and overlaps by whole pieces).
    /// </summary>
    public static bool EndsSplit(ReadOnlySpan<char> text) => EndsSentence(text) || (!text.IsEmpty && text[^1] == ',');

    /// <summary>Words in the text: runs of non-whitespace.</summary>
    public static int Words(ReadOnlySpan<char> text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c);
            words += !space && !inWord ? 1 : 0;
            inWord = !space;
        }

        return words;
    }

    /// <summary>Length of the word just before <paramref name="at"/> (whitespace before it skipped).</summary>
    public static int WordBefore(ReadOnlySpan<char> text, int at)
    {
        var end = at;
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        var start = end;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        return end - start;
    }
}
