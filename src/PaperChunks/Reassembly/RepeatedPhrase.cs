namespace PaperChunks.Reassembly;

/// <summary>
/// A short overlap that the paper also writes elsewhere (a figure's axis labels <c>5 10 15 20 25 30</c>, a
/// table's <c>Euclid.</c>), or next to text that writes words twice in a row, could as well be the text
/// repeating itself across a cut without overlap: it is kept as decided, but as inferred, not certain.
/// </summary>
internal static class RepeatedPhrase
{
    /// <summary>
    /// Chance below which a repeat is too long to be a phrase the paper repeats: six orders under certain (about seven
    /// words or 35 characters), so that the search over the paper is made at few joints.
    /// </summary>
    private const double PhraseChance = Coincidence.Certain * 1e-6;

    /// <summary>Words per repeated unit looked for by <see cref="RepeatsItself"/>.</summary>
    private const int LongestUnit = 8;

    /// <summary>Characters of inner words worth searching for: less is a common word.</summary>
    private const int MinInnerChars = 8;

    /// <summary>The decision at the joint before <c>chunks[joint]</c>, no longer certain if its overlap occurs elsewhere in the paper or next to words written twice.</summary>
    public static JointDecision Weaken(JointDecision decision, string[] chunks, int joint)
    {
        if (decision.Certainty != JointCertainty.Certain || decision.Kind == JointKind.Joined || decision.Chance < PhraseChance)
        {
            return decision;
        }

        var next = chunks[joint];
        var end = decision.Kind == JointKind.WhitespaceOverlap ? OverlapFinder.EndOfCollapsedPrefix(next, decision.Length) : decision.Length;
        var phrase = next.AsSpan(0, end < 0 ? next.Length : end);
        var previous = chunks[joint - 1];
        return OccursElsewhere(phrase, chunks, joint)
            || RepeatsItself(previous.AsSpan(0, Math.Max(0, previous.Length - phrase.Length))) || RepeatsItself(next.AsSpan(phrase.Length))
            ? decision with { Certainty = JointCertainty.Inferred }
            : decision;
    }

    /// <summary>
    /// Whether <paramref name="text"/> writes a run of words twice in a row (<c>5 10 15 20 25 30 5 10 15 20 25 30</c>,
    /// <c>PROTONETS PROTONETS</c>), the unit at least four characters: text extracted from figures and tables, where
    /// the same words written twice across a cut look like an overlap.
    /// </summary>
    private static bool RepeatsItself(ReadOnlySpan<char> text)
    {
        var words = new List<Range>();
        for (var at = 0; at < text.Length;)
        {
            var length = text[at..].IndexOfAny(" \t\r\n");
            length = length < 0 ? text.Length - at : length;
            if (length > 0)
            {
                words.Add(at..(at + length));
            }

            at += length + 1;
        }

        for (var i = 0; i < words.Count; i++)
        {
            for (var unit = 1; unit <= LongestUnit && i + 2 * unit <= words.Count; unit++)
            {
                var (same, chars) = (true, 0);
                for (var j = 0; j < unit && same; j++)
                {
                    same = text[words[i + j]].SequenceEqual(text[words[i + unit + j]]);
                    chars += text[words[i + j]].Length;
                }

                if (same && chars >= 4)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="phrase"/>, or its inner words (the first and last cut off: a table cell's
    /// <c>Validation error:</c> between other figures), occurs in the paper other than at the end of the chunk before
    /// the joint and the start of the one after.
    /// </summary>
    private static bool OccursElsewhere(ReadOnlySpan<char> phrase, string[] chunks, int joint) =>
        Occurs(phrase, chunks, joint) || (InnerWords(phrase) is { Length: >= MinInnerChars } inner && Occurs(inner, chunks, joint));

    /// <summary>The phrase without its first and last word (empty unless it has three or more).</summary>
    private static ReadOnlySpan<char> InnerWords(ReadOnlySpan<char> phrase)
    {
        var trimmed = phrase.Trim();
        var (first, last) = (trimmed.IndexOfAny(' ', '\n', '\t'), trimmed.LastIndexOfAny(' ', '\n', '\t'));
        return first < 0 || last <= first ? [] : trimmed[(first + 1)..last].Trim();
    }

    private static bool Occurs(ReadOnlySpan<char> phrase, string[] chunks, int joint)
    {
        for (var k = 0; k < chunks.Length; k++)
        {
            var text = chunks[k].AsSpan();
            var searched = k == joint - 1 ? text[..Math.Max(0, text.Length - 1)] : k == joint ? text[Math.Min(1, text.Length)..] : text;
            if (searched.Contains(phrase, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
