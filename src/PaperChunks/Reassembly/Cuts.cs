namespace PaperChunks.Reassembly;

/// <summary>What kind of place a cut between two characters is: mid-word, a word boundary, a sentence end.</summary>
internal static class Cuts
{
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
        var startsClean = before.IsEmpty || EndsSentence(before);
        return startsClean && (length >= next.Length || EndsSentence(next[..length].TrimEnd()));
    }

    /// <summary>Whether the text ends with sentence punctuation, perhaps followed by closing quotes or brackets.</summary>
    public static bool EndsSentence(ReadOnlySpan<char> text)
    {
        var t = text.TrimEnd(")]\"'”’");
        return !t.IsEmpty && t[^1] is '.' or '?' or '!' or ':' or ';';
    }

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
