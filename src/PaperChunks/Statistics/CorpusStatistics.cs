namespace PaperChunks.Statistics;

/// <summary>
/// What <c>paperchunks stats</c> reports about a set of chunk rows: size, per-paper completeness and
/// the shape of the text. Built in one streaming pass by <see cref="CorpusStatisticsBuilder"/>.
/// </summary>
public sealed record CorpusStatistics
{
    /// <summary>Rows read.</summary>
    public required long Rows { get; init; }

    /// <summary>Distinct papers (dois).</summary>
    public required long Papers { get; init; }

    /// <summary>Distinct chunks per paper.</summary>
    public required Distribution ChunksPerPaper { get; init; }

    /// <summary>Chunk text length in characters (UTF-16 code units), over all rows.</summary>
    public required Distribution ChunkLength { get; init; }

    /// <summary>Chunk ids missing between each paper's lowest and highest id, summed over papers.</summary>
    public required long MissingChunkIds { get; init; }

    /// <summary>Papers whose lowest chunk id is above 0: their start is not in the input (an excerpt, or lost rows).</summary>
    public required long PapersWithoutFirstChunk { get; init; }

    /// <summary>Rows whose (doi, chunk-id) was already seen.</summary>
    public required long DuplicateRows { get; init; }

    /// <summary>Per paper, the missing chunk ids (the first papers only, see <see cref="CorpusStatisticsBuilder"/>).</summary>
    public required IReadOnlyList<PaperChunkIds> MissingByPaper { get; init; }

    /// <summary>Per paper, the duplicated chunk ids (the first papers only).</summary>
    public required IReadOnlyList<PaperChunkIds> DuplicatesByPaper { get; init; }

    /// <summary>For each column, the rows where it was <c>null</c> or absent, in canonical column order.</summary>
    public required IReadOnlyDictionary<string, long> NullsPerColumn { get; init; }
}
