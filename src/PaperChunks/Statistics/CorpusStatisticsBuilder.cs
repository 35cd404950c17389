using PaperChunks.Records;

namespace PaperChunks.Statistics;

/// <summary>
/// Accumulates <see cref="CorpusStatistics"/> from chunk rows in any order. Memory grows with the
/// number of papers and one bit per chunk id, not with the text.
/// </summary>
public sealed class CorpusStatisticsBuilder
{
    private readonly Dictionary<string, PaperTally> _papers = new(StringComparer.Ordinal);
    private readonly LengthHistogram _lengths = new();
    private readonly long[] _nulls = new long[ChunkColumns.All.Count];
    private long _rows;

    /// <summary>How many papers the per-paper gap and duplicate lists name at most. Default 100.</summary>
    public int MaxListedPapers { get; init; } = 100;

    /// <summary>Counts one row.</summary>
    /// <param name="record">The row.</param>
    public void Add(ChunkRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _rows++;
        _lengths.Add(record.Chunk.Length);
        if (!_papers.TryGetValue(record.Doi, out var tally))
        {
            tally = new PaperTally();
            _papers.Add(record.Doi, tally);
        }

        tally.Add(record.ChunkId);
        CountNulls(record);
    }

    /// <summary>The statistics of every row added so far.</summary>
    public CorpusStatistics Build()
    {
        var perPaper = new LengthHistogram();
        long missing = 0, duplicates = 0, withoutFirst = 0;
        var missingBy = new List<PaperChunkIds>();
        var duplicatesBy = new List<PaperChunkIds>();
        foreach (var (doi, tally) in _papers.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            perPaper.Add(tally.Distinct);
            duplicates += tally.DuplicateCount;
            withoutFirst += tally.MinId > 0 ? 1 : 0;
            var gaps = tally.MissingIds();
            missing += gaps.Count;
            if (gaps.Count > 0 && missingBy.Count < MaxListedPapers)
            {
                missingBy.Add(new PaperChunkIds(doi, gaps));
            }

            if (tally.DuplicateCount > 0 && duplicatesBy.Count < MaxListedPapers)
            {
                duplicatesBy.Add(new PaperChunkIds(doi, tally.DuplicateIds()));
            }
        }

        var nulls = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < _nulls.Length; i++)
        {
            nulls.Add(ChunkColumns.All[i], _nulls[i]);
        }

        return new CorpusStatistics
        {
            Rows = _rows,
            Papers = _papers.Count,
            ChunksPerPaper = perPaper.Summarize(),
            ChunkLength = _lengths.Summarize(),
            MissingChunkIds = missing,
            PapersWithoutFirstChunk = withoutFirst,
            DuplicateRows = duplicates,
            MissingByPaper = missingBy,
            DuplicatesByPaper = duplicatesBy,
            NullsPerColumn = nulls,
            ChunkLengthCounts = _lengths.Counts(),
            ChunksPerPaperCounts = perPaper.Counts(),
        };
    }

    private void CountNulls(ChunkRecord record)
    {
        var absent = record.AbsentFields;
        for (var i = 0; i < _nulls.Length; i++)
        {
            if ((absent & (ChunkFields)(1 << i)) != 0)
            {
                _nulls[i]++;
            }
        }

        // Present-but-null is possible only for the nullable string columns.
        Count(absent, ChunkFields.Comment, record.Comment, 9);
        Count(absent, ChunkFields.JournalRef, record.JournalRef, 10);
        Count(absent, ChunkFields.Published, record.Published, 12);
        Count(absent, ChunkFields.Updated, record.Updated, 13);
    }

    private void Count(ChunkFields absent, ChunkFields field, string? value, int index)
    {
        if (value is null && (absent & field) == 0)
        {
            _nulls[index]++;
        }
    }
}
