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

    /// <summary>
    /// Share of word occurrences whose word occurs again, from which a joint's two sides being no word of the
    /// paper says a word was cut: prose repeats 40-75 % of its words (the held-out excerpts), so a whole word is
    /// mostly one seen elsewhere; a text of unique words (the recursive property test's) says nothing.
    /// </summary>
    private const double RecurringShare = 0.4;

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

        // Token windows overlap by the same tokens at every joint, a few characters each when the overlap is a
        // token or two, and not at all when it is none: a long repeat at a few joints of windows cut anywhere is
        // then the text's own (a table's "Validation error: 10" twice), and short ones at every joint are the overlap.
        var cutAnywhere = keepsWhitespace * 4 > chunks.Count;
        if (RepeatsAtEveryJoint(chunks, joints, charRate) is { } every && (overlaps.Count == 0 || cutAnywhere))
        {
            overlaps = every;
            midWord += Enumerable.Range(1, chunks.Count - 1).Count(i => joints[i] is { Raw.Length: > 0 } e
                && (Cuts.MidWord(chunks[i - 1], chunks[i - 1].Length - e.Raw[0]) || Cuts.MidWord(chunks[i], e.Raw[0])));
        }
        else if (cutAnywhere && jointCount >= 3 && 2 * Enumerable.Range(1, chunks.Count - 1).Count(i => joints[i] is { Raw.Length: > 0 }) < jointCount)
        {
            (overlaps, midWord, sentenceAligned) = ([], 0, 0);
            unambiguous.Clear();
        }
        var paragraph = chunks.Any(c => c.Contains("\n\n", StringComparison.Ordinal)) ? "\n\n" : "\n";
        bool? wordsCut = null;
        bool WordsCut() => wordsCut ??= WordsShowMidWordCuts(chunks, joints);

        // Equal lengths alone do not make windows: a recursive splitter's chunks can be of one length too. Windows
        // overlap by one border at every joint, so repeats beyond chance at only some of them, or of lengths that
        // disagree, are the text's own (a 0.00 0.00 table) only if the chunks show they were cut anywhere; a trimmed
        // chunk cut at word boundaries whose one repeat is its last words was cut by a splitter that overlaps
        // where its budget lets it.
        var windows = FixedWidth(chunks) is { } width
            ? new SplitterRegime(SplitterRegimeKind.FixedWindow, width, overlaps.Count > 0 ? Mode(overlaps).Value : 0, Certain: true)
            : null;
        var regime = windows is not null && (overlaps.Count == 0 || BorderAtMostJoints(chunks, joints, windows.OverlapChars) || keepsWhitespace > 0 || midWord > 0 || WordsCut())
            ? windows
            : Classify(chunks, overlaps, jointCount, midWord, sentenceAligned, keepsWhitespace);
        regime = WindowOverlap(regime, chunks, joints, charRate, cutAnywhere: keepsWhitespace > 0 || midWord > 0 || OneWidth(chunks));

        // Fixed windows without overlap whose chunks happen to keep no whitespace at their ends show no cut directly.
        var cutsMidWord = midWord > 0 || (keepsWhitespace == 0 && regime is { Kind: SplitterRegimeKind.FixedWindow, OverlapChars: 0 } && WordsCut());
        var fitted = regime.Kind == SplitterRegimeKind.Recursive
            ? unambiguous.Count(j => Cuts.PieceAfterWouldHaveFit(chunks[j.Joint - 1], chunks[j.Joint], j.Length, regime.ChunkChars))
            : 0;
        var closed = regime.Kind == SplitterRegimeKind.Recursive ? unambiguous.Count - fitted : 0;
        return new PaperShape(regime, keepsWhitespace > 0 || cutsMidWord, paragraph, charRate, overlaps.Count, closed, fitted);
    }

    /// <summary>
    /// A window's overlap is a border at every joint: one that is not was a repeat of the text's own (a table of
    /// 0.00 cells), however unlikely it looked at its one joint, and windows whose unambiguous repeats disagree
    /// (two table repeats, 6 and 7 characters, over a 2-character overlap) are still windows if a border is
    /// common to their joints.
    /// </summary>
    private static SplitterRegime WindowOverlap(
        SplitterRegime regime, IReadOnlyList<string> chunks, IReadOnlyList<JointEvidence?> joints, double charRate, bool cutAnywhere)
    {
        if (regime.Kind == SplitterRegimeKind.FixedWindow && !BorderAtMostJoints(chunks, joints, regime.OverlapChars))
        {
            return regime with { OverlapChars = CommonBorder(chunks, joints, charRate, cutAnywhere) };
        }

        if (regime.Kind != SplitterRegimeKind.FixedWindow && FixedWidth(chunks) is { } width
            && CommonBorder(chunks, joints, charRate, cutAnywhere) is > 0 and var common)
        {
            return new SplitterRegime(SplitterRegimeKind.FixedWindow, width, common, Certain: true);
        }

        return regime;
    }

    /// <summary>The length of (nearly) every chunk but the last, if they share one; null otherwise.</summary>
    private static int? FixedWidth(IReadOnlyList<string> chunks)
    {
        var lengths = chunks.Take(chunks.Count - 1).Select(c => c.Length).ToList();
        // The last window is the text's remainder, unless the windows after it are missing: then it is a full one.
        if (lengths.Count > 0 && chunks[^1].Length == Mode(lengths).Value)
        {
            lengths.Add(chunks[^1].Length);
        }

        return lengths.Count >= 2 && Mode(lengths) is var (width, count) && count >= FixedShare * lengths.Count ? width : null;
    }

    /// <summary>
    /// Whether every chunk but the last (and at least two) has one length: windows cut at a count of characters,
    /// wherever that falls in the text. Rows generated to one length but for a few (ids 0-9 one digit shorter)
    /// are not.
    /// </summary>
    private static bool OneWidth(IReadOnlyList<string> chunks) =>
        chunks.Count >= 3 ? chunks.Take(chunks.Count - 1).All(c => c.Length == chunks[0].Length)
            : chunks.Count == 2 && chunks[0].Length == chunks[1].Length;

    /// <summary>The regime of chunks that are no fixed windows.</summary>
    private static SplitterRegime Classify(
        IReadOnlyList<string> chunks, List<int> overlaps, int joints, int midWord, int sentenceAligned, int keepsWhitespace)
    {
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
    /// The longest repeat at each joint, when (nearly) every joint has one and all of them being chance is
    /// unlikely: token windows overlapping by a token or two repeat a few characters at every joint, each
    /// short enough to be chance alone, and of a different length at each; null otherwise.
    /// </summary>
    private static List<int>? RepeatsAtEveryJoint(IReadOnlyList<string> chunks, IReadOnlyList<JointEvidence?> joints, double charRate)
    {
        var lengths = new List<int>();
        var (jointCount, chance) = (0, 1.0);
        for (var i = 1; i < chunks.Count; i++)
        {
            if (joints[i] is { } e)
            {
                jointCount++;
                if (e.Raw.Length > 0)
                {
                    lengths.Add(e.Raw[0]);
                    chance *= Coincidence.OfRepeat(chunks[i - 1], chunks[i], e.Raw[0], charRate);
                }
            }
        }

        return jointCount >= 2 && lengths.Count >= FixedShare * jointCount && chance < Coincidence.Unlikely ? lengths : null;
    }

    /// <summary>Whether the overlap (cut to a shorter last chunk) is a border at nearly every joint; false for 0.</summary>
    private static bool BorderAtMostJoints(IReadOnlyList<string> chunks, IReadOnlyList<JointEvidence?> joints, int overlap)
    {
        int jointCount = 0, having = 0;
        for (var i = 1; i < chunks.Count; i++)
        {
            if (joints[i] is { } e)
            {
                jointCount++;
                having += Array.IndexOf(e.Raw, Math.Min(overlap, chunks[i].Length)) >= 0 ? 1 : 0;
            }
        }

        return overlap > 0 && having >= FixedShare * jointCount;
    }

    /// <summary>
    /// A short overlap of fixed windows: too short to tell at one joint, it is a border of the same length
    /// at (nearly) every joint, and all of them being chance is unlikely; 0 if there is none. The equal
    /// lengths already show windows, which overlap by the same border at every joint, so less is asked
    /// than of a repeat that must show an overlap by itself: a paper cut down to one or two joints (the
    /// other windows missing) shows a 4-character overlap only once. Windows that show they were cut anywhere
    /// (<paramref name="cutAnywhere"/>) end on a word boundary by chance, so there whole words are no likelier
    /// to repeat than any characters (<c>part, </c> | <c>part, unlike</c>).
    /// </summary>
    private static int CommonBorder(IReadOnlyList<string> chunks, IReadOnlyList<JointEvidence?> joints, double charRate, bool cutAnywhere)
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
                    chance *= RepeatsJustBefore(chunks[i - 1], length) ? 1
                        : cutAnywhere ? Coincidence.OfCharacters(length, charRate) : Coincidence.OfRepeat(chunks[i - 1], chunks[i], length, charRate);
                }
            }

            if (having >= FixedShare * jointCount && chance < Coincidence.Unlikely)
            {
                return length;
            }
        }

        return 0;
    }

    /// <summary>
    /// Whether the previous chunk's last <paramref name="length"/> characters come twice at its end (<c>0.00 0.00 </c>
    /// before a cut in a table of <c>0.00</c> cells): text repeating itself with that period goes on doing so past any
    /// cut, so a border of that length there is the text's own and no sign of an overlap.
    /// </summary>
    private static bool RepeatsJustBefore(string previous, int length) =>
        previous.Length >= 2 * length && previous.AsSpan(previous.Length - 2 * length, length).SequenceEqual(previous.AsSpan(previous.Length - length));

    /// <summary>
    /// Whether the paper's own words say its joints cut words: the letters either side of a joint make a word
    /// the paper uses inside its chunks (<c>Extendin</c> | <c>g</c>), or, in a paper whose words recur, neither side
    /// is one (<c>reall</c> | <c>y</c>), more often than they are two such words that do not make one (<c>the</c> |
    /// <c>model</c>). Halves that are words and make one too are a cut: two whole words seldom make a third, while
    /// a cut word's halves often are words. Where no letters meet, a number cut in two (<c>2 2</c> | <c>0</c>,
    /// <c>0.</c> | <c>04</c>) or a bracket cut from what it holds (<c>(4</c> | <c>)</c>, <c>(</c> | <c>(-</c>) is a cut.
    /// </summary>
    private static bool WordsShowMidWordCuts(IReadOnlyList<string> chunks, IReadOnlyList<JointEvidence?> joints)
    {
        var words = InnerWords(chunks);
        var occurrences = words.Values.Sum();
        var recurring = occurrences > 0 && words.Values.Sum(n => n > 1 ? n : 0) >= RecurringShare * occurrences;
        int cut = 0, whole = 0;
        for (var i = 1; i < chunks.Count; i++)
        {
            var (previous, next) = (chunks[i - 1], chunks[i]);
            var (end, start) = (TrailingLetters(previous), LeadingLetters(next));
            if (joints[i] is null)
            {
                continue;
            }

            if (end == 0 || start == 0)
            {
                cut += CutsToken(previous, next) ? 1 : 0;
                continue;
            }

            var (a, b) = (previous[^end..], next[..start]);
            var (joined, apart) = (words.ContainsKey(a + b), words.ContainsKey(a) && words.ContainsKey(b));
            var fragments = recurring && !words.ContainsKey(a) && !words.ContainsKey(b);
            cut += joined || fragments ? 1 : 0;
            whole += apart && !joined ? 1 : 0;
        }

        return cut > whole;
    }

    /// <summary>How often each letters-only word occurs inside the chunks (not cut at their ends), ignoring case.</summary>
    private static Dictionary<string, int> InnerWords(IReadOnlyList<string> chunks)
    {
        var words = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in chunks)
        {
            var (lead, trail) = (LeadingLetters(chunk), TrailingLetters(chunk));
            var inner = lead + trail >= chunk.Length ? [] : chunk.AsSpan(lead, chunk.Length - lead - trail);
            foreach (var word in inner.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                var letters = word.AsSpan().Trim(Punctuation);
                // A lone letter in a paper is mostly a symbol (x, y, s), no sign that a cut-off "s" was a word of its own.
                if ((letters.Length > 1 || letters is "a" or "A" or "I") && !letters.ContainsAnyExcept(Letters))
                {
                    var key = letters.ToString();
                    words[key] = words.GetValueOrDefault(key) + 1;
                }
            }
        }

        return words;
    }

    /// <summary>
    /// Whether a joint without letters on both sides splits a token: digits on both sides (or a decimal point cut from the digits after it), the previous chunk
    /// ending with an opening bracket or the next starting with closing punctuation, where a splitter that
    /// cuts at whitespace never ends or starts one.
    /// </summary>
    private static bool CutsToken(string previous, string next) =>
        previous.Length > 0 && next.Length > 0
        && ((char.IsAsciiDigit(previous[^1]) && char.IsAsciiDigit(next[0])) || previous[^1] is '(' or '[' or '{'
            || (previous.Length >= 2 && previous[^1] == '.' && char.IsAsciiDigit(previous[^2]) && char.IsAsciiDigit(next[0]))
            || next[0] is '.' or ',' or ';' or ':' or ')' or ']' or '}' or '!' or '?');

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
