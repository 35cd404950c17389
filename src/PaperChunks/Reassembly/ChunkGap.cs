namespace PaperChunks.Reassembly;

/// <summary>Chunk ids missing between the lowest and highest chunk id present for one paper.</summary>
/// <param name="Doi">The paper.</param>
/// <param name="MissingChunkIds">The absent ids, ascending.</param>
public sealed record ChunkGap(string Doi, IReadOnlyList<long> MissingChunkIds)
{
    /// <inheritdoc/>
    public bool Equals(ChunkGap? other) =>
        other is not null && Doi == other.Doi && MissingChunkIds.SequenceEqual(other.MissingChunkIds);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Doi, MissingChunkIds.Count);
}
