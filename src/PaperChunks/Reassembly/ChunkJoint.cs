namespace PaperChunks.Reassembly;

/// <summary>
/// The joints between chunks <see cref="FirstChunkId"/> to <see cref="LastChunkId"/> and the chunk before
/// each (consecutive ids only; a gap has no joint), decided alike: consecutive joints with the same kind,
/// overlap length, separator and certainty are one entry, so a fixed window's paper is one line.
/// </summary>
/// <param name="FirstChunkId">The later chunk's id at the first of these joints.</param>
/// <param name="LastChunkId">The later chunk's id at the last of them (equal to <paramref name="FirstChunkId"/> for one joint).</param>
/// <param name="Kind">How the chunks were put together.</param>
/// <param name="OverlapChars">Characters of each later chunk that repeated the earlier one (0 when joined).</param>
/// <param name="Separator">What was put between them when joined: <c>""</c>, <c>" "</c>, <c>"\n"</c> or <c>"\n\n"</c>.</param>
/// <param name="Certainty">Whether the evidence decided it, the regime, or a guess.</param>
/// <param name="Chance">
/// Estimated probability that text which does not overlap would show a repeat this long here by
/// coincidence (character and word repeat rates of the paper); for a joint left without overlap, that
/// of the longest repeat it rejected. The highest of the joints when there are several.
/// </param>
public sealed record ChunkJoint(
    long FirstChunkId, long LastChunkId, JointKind Kind, int OverlapChars, string Separator, JointCertainty Certainty, double Chance)
{
    /// <summary>Whether <paramref name="next"/>, the joint before chunk <see cref="LastChunkId"/> + 1, was decided alike and extends this entry.</summary>
    internal bool Continues(ChunkJoint next) =>
        next.FirstChunkId == LastChunkId + 1 && next.Kind == Kind && next.OverlapChars == OverlapChars
        && next.Separator == Separator && next.Certainty == Certainty;
}
