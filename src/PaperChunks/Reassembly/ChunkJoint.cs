namespace PaperChunks.Reassembly;

/// <summary>The joint between a chunk and the one before it (consecutive ids only; a gap has no joint).</summary>
/// <param name="ChunkId">The later chunk's id.</param>
/// <param name="Kind">How the two were put together.</param>
/// <param name="OverlapChars">Characters of the later chunk that repeated the earlier one (0 when joined).</param>
/// <param name="Separator">What was put between them when joined: <c>""</c>, <c>" "</c>, <c>"\n"</c> or <c>"\n\n"</c>.</param>
/// <param name="Certainty">Whether the evidence decided it, the regime, or a guess.</param>
/// <param name="Chance">
/// Estimated probability that text which does not overlap would show a repeat this long here by
/// coincidence (character and word repeat rates of the paper); for a joint left without overlap, that
/// of the longest repeat it rejected.
/// </param>
public sealed record ChunkJoint(long ChunkId, JointKind Kind, int OverlapChars, string Separator, JointCertainty Certainty, double Chance);
