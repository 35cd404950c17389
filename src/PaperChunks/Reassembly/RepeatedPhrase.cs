namespace PaperChunks.Reassembly;

/// <summary>
/// A short overlap that the paper also writes elsewhere (a figure's axis labels <c>5 10 15 20 25 30</c>, a
/// table's <c>Euclid.</c>) could as well be the text repeating itself across a cut without overlap: it is
/// kept as decided, but as inferred, not certain.
/// </summary>
internal static class RepeatedPhrase
{
    /// <summary>
    /// Chance below which a repeat is too long to be a phrase the paper repeats: six orders under certain (about seven
    /// words or 35 characters), so that the search over the paper is made at few joints.
    /// </summary>
    private const double PhraseChance = Coincidence.Certain * 1e-6;

    /// <summary>The decision at the joint before <c>chunks[joint]</c>, no longer certain if its overlap occurs elsewhere in the paper.</summary>
    public static JointDecision Weaken(JointDecision decision, string[] chunks, int joint)
    {
        if (decision.Certainty != JointCertainty.Certain || decision.Kind == JointKind.Joined || decision.Chance < PhraseChance)
        {
            return decision;
        }

        var next = chunks[joint];
        var end = decision.Kind == JointKind.WhitespaceOverlap ? OverlapFinder.EndOfCollapsedPrefix(next, decision.Length) : decision.Length;
        var phrase = next.AsSpan(0, end < 0 ? next.Length : end);
        return OccursElsewhere(phrase, chunks, joint) ? decision with { Certainty = JointCertainty.Inferred } : decision;
    }

    /// <summary>Whether <paramref name="phrase"/> occurs in the paper other than at the end of the chunk before the joint and the start of the one after.</summary>
    private static bool OccursElsewhere(ReadOnlySpan<char> phrase, string[] chunks, int joint)
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
