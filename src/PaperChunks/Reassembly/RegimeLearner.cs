namespace PaperChunks.Reassembly;

/// <summary>
/// Learns a paper's splitter regime from the joints whose repeat is too long to be chance, from where
/// those repeats start and end (mid-word, at word or sentence boundaries), from the chunks' lengths and
/// from whether the chunks keep whitespace at their ends.
/// </summary>
internal static class RegimeLearner
{
    /// <summary>Share of non-final chunks of one length that makes the windows fixed.</summary>
    private const double FixedShare = 0.8;

    public static PaperShape Learn(IReadOnlyList<string> chunks, IReadOnlyList<JointEvidence?> joints, double charRate)
    {
        var overlaps = new List<int>();
        var unambiguous = new List<(int Joint, int Length)>();
        var probable = new List<int>();
        int jointCount = 0, midWord = 0, sentenceAligned = 0;
        for (var i = 1; i < chunks.Count; i++)
        {
            if (joints[i] is not { } evidence)
            {
                continue;
            }

            jointCount++;
            var (prev, next) = (chunks[i - 1], chunks[i]);
            if (evidence.Raw.Length > 0 && Coincidence.OfRepeat(prev, next, evidence.Raw[0], charRate) < Coincidence.Unambiguous)
            {
                var length = evidence.Raw[0];
                overlaps.Add(length);
                unambiguous.Add((i, length));
                midWord += Cuts.MidWord(prev, prev.Length - length) || Cuts.MidWord(next, length) ? 1 : 0;
                sentenceAligned += Cuts.SentenceAligned(prev, next, length) ? 1 : 0;
            }
            else if (evidence.Collapsed > 0 && Coincidence.OfCollapsedRepeat(next, evidence.Collapsed, charRate) is var chance)
            {
                (chance < Coincidence.Unambiguous ? overlaps : chance < Coincidence.Probable ? probable : []).Add(evidence.Collapsed);
            }
        }

        // Short overlaps one by one could be chance; at most joints at once they cannot.
        if (overlaps.Count == 0 && jointCount >= 2 && probable.Count * 2 >= jointCount)
        {
            overlaps = probable;
        }

        var keepsWhitespace = chunks.Count(c => c.Length > 0 && (char.IsWhiteSpace(c[0]) || char.IsWhiteSpace(c[^1])));
        var paragraph = chunks.Any(c => c.Contains("\n\n", StringComparison.Ordinal)) ? "\n\n" : "\n";
        var regime = Classify(chunks, overlaps, jointCount, midWord, sentenceAligned, keepsWhitespace);
        if (regime.Kind == SplitterRegimeKind.FixedWindow && regime.OverlapChars == 0 && CommonBorder(chunks, joints, charRate) is > 0 and var common)
        {
            regime = regime with { OverlapChars = common };
        }

        // Fixed windows without overlap whose chunks happen to keep no whitespace at their ends show no cut directly.
        var cutsMidWord = midWord > 0 || (keepsWhitespace == 0 && regime is { Kind: SplitterRegimeKind.FixedWindow, OverlapChars: 0 }
            && WordsShowMidWordCuts(chunks, joints));
        var fitted = regime.Kind == SplitterRegimeKind.Recursive
            ? unambiguous.Count(j => Cuts.PieceAfterWouldHaveFit(chunks[j.Joint - 1], chunks[j.Joint], j.Length, regime.ChunkChars))
            : 0;
        var closed = regime.Kind == SplitterRegimeKind.Recursive ? unambiguous.Count - fitted : 0;
        return new PaperShape(regime, keepsWhitespace > 0 || cutsMidWord, paragraph, charRate, overlaps.Count, closed, fitted);
    }

    private static SplitterRegime Classify(
        IReadOnlyList<string> chunks, List<int> overlaps, int joints, int midWord, int sentenceAligned, int keepsWhitespace)
    {
        var lengths = chunks.Take(chunks.Count - 1).Select(c => c.Length).ToList();
        if (lengths.Count >= 2 && Mode(lengths) is var (width, widthCount) && widthCount >= FixedShare * lengths.Count)
        {
            var (overlap, overlapCount) = overlaps.Count > 0 ? Mode(overlaps) : (0, 0);
            if (overlaps.Count == 0 || overlapCount >= FixedShare * overlaps.Count)
            {
                return new SplitterRegime(SplitterRegimeKind.FixedWindow, width, overlap, Certain: true);
            }
        }

        var median = Median(chunks.Select(c => c.Length).ToList());
        if (overlaps.Count == 0)
        {
            return joints >= 2
                ? new SplitterRegime(SplitterRegimeKind.NoOverlap, median, 0, Certain: true)
                : new SplitterRegime(SplitterRegimeKind.Unknown, median, 0, Certain: false);
        }

        if (midWord > 0 || keepsWhitespace * 4 > chunks.Count)
        {
            return new SplitterRegime(SplitterRegimeKind.TokenWindow, median, Median(overlaps), Certain: true);
        }

        var endSentences = chunks.Count(c => Cuts.EndsSplit(c.AsSpan().TrimEnd()));
        if (sentenceAligned * 5 >= overlaps.Count * 4 && endSentences * 5 >= chunks.Count * 3)
        {
            return new SplitterRegime(SplitterRegimeKind.Sentence, median, Median(overlaps), Certain: true);
        }

        return new SplitterRegime(SplitterRegimeKind.Recursive, chunks.Max(c => c.Length), overlaps.Max(), Certain: true);
    }

    /// <summary>
    /// A short overlap of fixed windows: too short to tell at one joint, it is a border of the same length
    /// at (nearly) every joint, and all of them being chance is unlikely; 0 if there is none.
    /// </summary>
    private static int CommonBorder(IReadOnlyList<string> chunks, IReadOnlyList<JointEvidence?> joints, double charRate)
    {
        var first = Enumerable.Range(1, chunks.Count - 1).FirstOrDefault(i => joints[i] is not null);
        if (first == 0)
        {
            return 0;
        }

        var jointCount = joints.Count(j => j is not null);
        foreach (var length in joints[first]!.Raw)
        {
            int having = 0;
            double chance = 1;
            for (var i = first; i < chunks.Count; i++)
            {
                if (joints[i] is { } e && Array.IndexOf(e.Raw, length) >= 0)
                {
                    having++;
                    chance *= Coincidence.OfRepeat(chunks[i - 1], chunks[i], length, charRate);
                }
            }

            if (having >= 2 && having >= FixedShare * jointCount && chance < Coincidence.Unambiguous)
            {
                return length;
            }
        }

        return 0;
    }

    /// <summary>
    /// Whether the paper's own words say its joints cut words: the letters either side of a joint make a word
    /// the paper uses inside its chunks (<c>Extendin</c> | <c>g</c>) more often than two such words (<c>the</c> | <c>model</c>).
    /// </summary>
    private static bool WordsShowMidWordCuts(IReadOnlyList<string> chunks, IReadOnlyList<JointEvidence?> joints)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in chunks)
        {
            var (lead, trail) = (LeadingLetters(chunk), TrailingLetters(chunk));
            var inner = lead + trail >= chunk.Length ? [] : chunk.AsSpan(lead, chunk.Length - lead - trail);
            foreach (var word in inner.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                var letters = word.AsSpan().Trim(Punctuation);
                if (!letters.IsEmpty && !letters.ContainsAnyExcept(Letters))
                {
                    words.Add(letters.ToString());
                }
            }
        }

        int cut = 0, whole = 0;
        for (var i = 1; i < chunks.Count; i++)
        {
            var (previous, next) = (chunks[i - 1], chunks[i]);
            var (end, start) = (TrailingLetters(previous), LeadingLetters(next));
            if (joints[i] is null || end == 0 || start == 0)
            {
                continue;
            }

            var (a, b) = (previous[^end..], next[..start]);
            var joined = words.Contains(a + b);
            var apart = words.Contains(a) && words.Contains(b);
            cut += joined && !apart ? 1 : 0;
            whole += apart && !joined ? 1 : 0;
        }

        return cut > whole;
    }

    private static readonly System.Buffers.SearchValues<char> Letters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private const string Punctuation = ".,;:!?()[]{}\"'";

    private static int LeadingLetters(string text)
    {
        var n = text.AsSpan().IndexOfAnyExcept(Letters);
        return n < 0 ? text.Length : n;
    }

    private static int TrailingLetters(string text)
    {
        var n = text.AsSpan().LastIndexOfAnyExcept(Letters);
        return text.Length - 1 - n;
    }

    private static (int Value, int Count) Mode(List<int> values) =>
        values.GroupBy(v => v).Select(g => (g.Key, g.Count())).MaxBy(g => g.Item2);

    private static int Median(List<int> values)
    {
        values.Sort();
        return values.Count == 0 ? 0 : values[values.Count / 2];
    }
}
