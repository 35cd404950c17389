namespace PaperChunks.Reassembly;

/// <summary>
/// Chunks of one paper whose value of a metadata field differs from the value the paper record took
/// (the first chunk's).
/// </summary>
/// <param name="Doi">The paper.</param>
/// <param name="Field">The on-disk field name, e.g. <c>title</c>.</param>
/// <param name="ChunkIds">The chunks that disagree, ascending.</param>
public sealed record MetadataDisagreement(string Doi, string Field, IReadOnlyList<long> ChunkIds)
{
    /// <inheritdoc/>
    public bool Equals(MetadataDisagreement? other) =>
        other is not null && Doi == other.Doi && Field == other.Field && ChunkIds.SequenceEqual(other.ChunkIds);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Doi, Field, ChunkIds.Count);
}
