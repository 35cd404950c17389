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

    /// <summary>How many rows have each chunk length, by ascending length: what <see cref="Merge"/> needs for exact quantiles.</summary>
    public IReadOnlyDictionary<long, long> ChunkLengthCounts { get; init; } = new Dictionary<long, long>();

    /// <summary>How many papers have each number of distinct chunks, ascending: what <see cref="Merge"/> needs for exact quantiles.</summary>
    public IReadOnlyDictionary<long, long> ChunksPerPaperCounts { get; init; } = new Dictionary<long, long>();

    /// <summary>
    /// The statistics of the union of disjoint sets of papers, such as the shards of one corpus
    /// (<see cref="ReaderOptions.Shard"/>): equal to the statistics of reading them all in one run, since no
    /// paper is in two parts. Per-paper lists keep the first <paramref name="maxListedPapers"/> by doi.
    /// </summary>
    /// <param name="parts">The statistics of each part.</param>
    /// <param name="maxListedPapers">As <see cref="CorpusStatisticsBuilder.MaxListedPapers"/> (default 100).</param>
    public static CorpusStatistics Merge(IReadOnlyList<CorpusStatistics> parts, int maxListedPapers = 100)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var lengths = new LengthHistogram();
        var perPaper = new LengthHistogram();
        var nulls = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var column in Records.ChunkColumns.All)
        {
            nulls.Add(column, parts.Sum(p => p.NullsPerColumn.GetValueOrDefault(column)));
        }

        foreach (var (value, times) in parts.SelectMany(p => p.ChunkLengthCounts).OrderBy(c => c.Key))
        {
            lengths.Add(value, times);
        }

        foreach (var (value, times) in parts.SelectMany(p => p.ChunksPerPaperCounts).OrderBy(c => c.Key))
        {
            perPaper.Add(value, times);
        }

        return new CorpusStatistics
        {
            Rows = parts.Sum(p => p.Rows),
            Papers = parts.Sum(p => p.Papers),
            ChunksPerPaper = perPaper.Summarize(),
            ChunkLength = lengths.Summarize(),
            MissingChunkIds = parts.Sum(p => p.MissingChunkIds),
            PapersWithoutFirstChunk = parts.Sum(p => p.PapersWithoutFirstChunk),
            DuplicateRows = parts.Sum(p => p.DuplicateRows),
            MissingByPaper = FirstPapers(parts.SelectMany(p => p.MissingByPaper), maxListedPapers),
            DuplicatesByPaper = FirstPapers(parts.SelectMany(p => p.DuplicatesByPaper), maxListedPapers),
            NullsPerColumn = nulls,
            ChunkLengthCounts = lengths.Counts(),
            ChunksPerPaperCounts = perPaper.Counts(),
        };
    }

    // Each part lists its first papers by doi, so the first of all are among them.
    private static List<PaperChunkIds> FirstPapers(IEnumerable<PaperChunkIds> papers, int max) =>
        [.. papers.OrderBy(p => p.Doi, StringComparer.Ordinal).Take(max)];
}
