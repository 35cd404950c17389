namespace PaperChunks.Statistics;

/// <summary>A paper and some of its chunk ids (the missing or duplicated ones, depending on the list).</summary>
/// <param name="Doi">The paper.</param>
/// <param name="ChunkIds">The chunk ids, ascending.</param>
public sealed record PaperChunkIds(string Doi, IReadOnlyList<long> ChunkIds);
