namespace PaperChunks.Reassembly;

/// <summary>One paper's inferred splitter regime and every joint between its consecutive chunks.</summary>
/// <param name="Doi">The paper.</param>
/// <param name="Regime">How its chunks look cut.</param>
/// <param name="Joints">Its joints in chunk-id order, runs of joints decided alike as one entry.</param>
public sealed record PaperRegime(string Doi, SplitterRegime Regime, IReadOnlyList<ChunkJoint> Joints)
{
    /// <inheritdoc/>
    public bool Equals(PaperRegime? other) =>
        other is not null && Doi == other.Doi && Regime == other.Regime && Joints.SequenceEqual(other.Joints);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Doi, Regime, Joints.Count);
}
