namespace PaperChunks.Reassembly;

/// <summary>
/// Decides each joint from its evidence and the paper's regime: a repeat too long to be chance is an
/// overlap; a shorter one is an overlap only where the regime says one belongs (a fixed window's exact
/// overlap, a token window's, a recursive splitter's whole words up to its budget that left no room for
/// the word before, a sentence splitter's whole sentences); otherwise the chunks are joined with what
/// the regime says the splitter dropped.
/// </summary>
internal static class JointDecider
{

    public static JointDecision Decide(PaperShape shape, string previous, string next, JointEvidence evidence, int minOverlapChars)
    {
        if (FullWindowWithoutOverlap(shape, previous))
        {
            // A window cut at its width keeps every character and the next one starts right after it: a repeat
            // there is the text's own (a table repeating a word), and nothing was dropped between them.
            var chance = evidence.Raw.Length > 0 ? Coincidence.OfRepeat(previous, next, evidence.Raw[0], shape.CharRate) : 0;
            return new JointDecision(JointKind.Joined, 0, "", JointCertainty.Inferred, chance);
        }

        if (RawOverlap(shape, previous, next, evidence.Raw) is { } raw)
        {
            return raw;
        }

        if (evidence.Collapsed > 0 && CollapsedOverlap(shape, previous, next, evidence.Collapsed, minOverlapChars) is { } collapsed)
        {
            return collapsed;
        }

        var rejected = evidence.Raw.Length > 0 ? Coincidence.OfRepeat(previous, next, evidence.Raw[0], shape.CharRate) : 0;
        return Join(shape, previous, next, rejected);
    }

    /// <summary>
    /// A full window of a fixed-window paper without overlap whose chunks show they were cut anywhere (equal
    /// lengths alone do not: generated rows of one length can be whole passages), or any chunk of a paper cut
    /// anywhere that shows no overlap (token windows without overlap).
    /// </summary>
    private static bool FullWindowWithoutOverlap(PaperShape shape, string previous) =>
        (shape is { KeepsWhitespace: true, Regime: { Kind: SplitterRegimeKind.FixedWindow, OverlapChars: 0 } } && previous.Length == shape.Regime.ChunkChars)
        || shape is { KeepsWhitespace: true, Regime.Kind: SplitterRegimeKind.NoOverlap };

    private static JointDecision? RawOverlap(PaperShape shape, string previous, string next, int[] borders)
    {
        var regime = shape.Regime;
        if (regime.Kind == SplitterRegimeKind.FixedWindow && regime.OverlapChars > 0)
        {
            var exact = Array.IndexOf(borders, Math.Min(regime.OverlapChars, next.Length)) >= 0 ? Math.Min(regime.OverlapChars, next.Length) : 0;
            if (exact > 0)
            {
                var certain = Coincidence.OfRepeat(previous, next, exact, shape.CharRate) < Coincidence.Certain;
                return Overlap(previous, next, exact, shape, certain ? JointCertainty.Certain : JointCertainty.Inferred);
            }
        }

        foreach (var length in borders)
        {
            var chance = Coincidence.OfRepeat(previous, next, length, shape.CharRate);
            if (chance < Coincidence.Certain)
            {
                return Overlap(previous, next, length, shape, JointCertainty.Certain);
            }

            if (FitsRegime(shape, previous, next, length, chance))
            {
                return Overlap(previous, next, length, shape, JointCertainty.Inferred);
            }
        }

        return null;
    }

    private static bool FitsRegime(PaperShape shape, string previous, string next, int length, double chance)
    {
        var regime = shape.Regime;
        var budget = regime.OverlapChars + regime.OverlapChars / 10 + 1;
        return regime.Kind switch
        {
            // Every token-window joint overlaps by about the same number of tokens; the last window may lie inside the one before.
            SplitterRegimeKind.TokenWindow => length * 4 >= regime.OverlapChars || length == next.Length,
            SplitterRegimeKind.Recursive => Cuts.WordAligned(previous, next, length) && length <= budget
                && (chance < Coincidence.Unambiguous || WordBeforeWouldNotFit(previous, length, regime.OverlapChars))
                && !(shape.ClosesAtLength && Cuts.PieceAfterWouldHaveFit(previous, next, length, regime.ChunkChars)),
            SplitterRegimeKind.Sentence => Cuts.SentenceAligned(previous, next, length) && length <= budget + regime.OverlapChars / 2,
            SplitterRegimeKind.Unknown => chance < Coincidence.Unambiguous && Cuts.WordAligned(previous, next, length),
            _ => false,
        };
    }

    /// <summary>
    /// A recursive splitter keeps as many trailing words as fit its overlap budget, so a real overlap is
    /// one the word before it would have pushed past the budget.
    /// </summary>
    private static bool WordBeforeWouldNotFit(string previous, int length, int budget)
    {
        var start = previous.Length - length;
        return start == 0 || length + 1 + Cuts.WordBefore(previous, start) > budget;
    }

    private static JointDecision? CollapsedOverlap(PaperShape shape, string previous, string next, int length, int minOverlapChars)
    {
        var chance = Coincidence.OfCollapsedRepeat(next, length, shape.CharRate);
        if (chance < Coincidence.Certain)
        {
            return new JointDecision(JointKind.WhitespaceOverlap, length, "", JointCertainty.Certain, chance);
        }

        var kind = shape.Regime.Kind;
        // Without overlap in the regime a repeat must still be long enough and unlikely; windows overlap raw or not at all.
        var accepted = kind is not (SplitterRegimeKind.FixedWindow or SplitterRegimeKind.TokenWindow)
            && (kind != SplitterRegimeKind.NoOverlap || chance < Coincidence.Unlikely)
            && (length >= minOverlapChars
                || (kind == SplitterRegimeKind.Recursive && length <= shape.Regime.OverlapChars
                    && WordBeforeWouldNotFit(previous, PlacedLength(previous, next, length), shape.Regime.OverlapChars)));
        accepted = accepted && !(kind == SplitterRegimeKind.Recursive && shape.ClosesAtLength
            && Cuts.PieceAfterWouldHaveFit(previous, next, NextEnd(next, length), shape.Regime.ChunkChars));
        return accepted ? new JointDecision(JointKind.WhitespaceOverlap, length, "", JointCertainty.Inferred, chance) : null;
    }

    private static int NextEnd(string next, int collapsedLength) =>
        OverlapFinder.EndOfCollapsedPrefix(next, collapsedLength) is >= 0 and var end ? end : next.Length;

    private static int PlacedLength(string previous, string next, int collapsedLength) =>
        OverlapFinder.PlaceCollapsed(previous, next, collapsedLength) is { } o ? previous.Length - o.PreviousStart : previous.Length;

    private static JointDecision Overlap(string previous, string next, int length, PaperShape shape, JointCertainty certainty) =>
        new(length == next.Length ? JointKind.Contained : JointKind.Overlap, length, "", certainty,
            Coincidence.OfRepeat(previous, next, length, shape.CharRate));

    /// <summary>No overlap: what the splitter dropped between the chunks, if anything.</summary>
    private static JointDecision Join(PaperShape shape, string previous, string next, double rejected)
    {
        if (previous.Length == 0 || next.Length == 0 || char.IsWhiteSpace(previous[^1]) || char.IsWhiteSpace(next[0]))
        {
            // Certain only where nothing repeated: a rejected repeat could have been an overlap.
            return new JointDecision(JointKind.Joined, 0, "", rejected > 0 ? JointCertainty.Inferred : JointCertainty.Certain, rejected);
        }

        // Windows cut anywhere, so some chunks start or end with whitespace; without that sign even equal lengths do not show it.
        if (shape.KeepsWhitespace || shape.Regime.Kind is SplitterRegimeKind.TokenWindow)
        {
            return new JointDecision(JointKind.Joined, 0, "", JointCertainty.Inferred, rejected);
        }

        // Stripped whitespace: a sentence splitter mostly drops the space between sentences, a recursive
        // one the break it split on, the highest level the paper shows.
        var separator = shape.Regime.Kind == SplitterRegimeKind.Sentence && Cuts.EndsSentence(previous)
            ? (Cuts.ContinuesWord(previous, next) ? "" : " ")
            : shape.Paragraph;
        return new JointDecision(JointKind.Joined, 0, separator, JointCertainty.Guessed, rejected);
    }
}
