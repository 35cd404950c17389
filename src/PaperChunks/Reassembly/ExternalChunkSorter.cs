using PaperChunks.Records;

namespace PaperChunks.Reassembly;

/// <summary>
/// Sorts chunk rows by (doi, chunk-id, input position) within a memory budget: rows are held until
/// their estimated size passes the budget, then sorted and spilled as a run to a temporary file; the
/// runs and the last in-memory batch are merged with a priority queue. Rows of one paper in one batch
/// share a single copy of the paper's metadata. The temporary folder is deleted on dispose, whatever
/// happened.
/// </summary>
internal sealed class ExternalChunkSorter : IDisposable
{
    private const int StringOverhead = 26;
    private const int RowOverhead = 160;

    private readonly long _budget;
    private readonly string _folder;
    private readonly List<(ChunkRecord Row, long Sequence)> _batch = [];
    private readonly Dictionary<string, ChunkRecord> _metadataByDoi = new(StringComparer.Ordinal);
    private readonly List<(string Path, long Count)> _runs = [];
    private long _batchBytes;
    private long _sequence;
    private bool _folderCreated;

    public ExternalChunkSorter(long memoryLimitBytes, string? tempDirectory)
    {
        // Half the limit for held rows: the rest covers the reader, the paper being built and GC slack.
        _budget = memoryLimitBytes / 2;
        _folder = Path.Combine(tempDirectory ?? Path.GetTempPath(), "paperchunks-reassemble-" + Guid.NewGuid().ToString("N"));
    }

    /// <summary>Sorted runs written to disk so far.</summary>
    public int RunsSpilled => _runs.Count;

    public void Add(ChunkRecord row)
    {
        var bytes = RowOverhead + Size(row.Chunk) + Size(row.Id);
        if (_metadataByDoi.TryGetValue(row.Doi, out var shared) && MetadataFields.AllSame(shared, row))
        {
            row = shared with { Doi = shared.Doi, ChunkId = row.ChunkId, Chunk = row.Chunk, Id = row.Id, AbsentFields = row.AbsentFields, ExtraFields = row.ExtraFields };
        }
        else
        {
            _metadataByDoi[row.Doi] = row;
            bytes += MetadataSize(row);
        }

        _batch.Add((row, _sequence++));
        _batchBytes += bytes;
        if (_batchBytes > _budget)
        {
            Spill();
        }
    }

    /// <summary>Every row added, in (doi, chunk-id, input position) order.</summary>
    public IEnumerable<(ChunkRecord Row, long Sequence)> Sorted()
    {
        SortBatch();
        if (_runs.Count == 0)
        {
            foreach (var item in _batch)
            {
                yield return item;
            }

            yield break;
        }

        var sources = new List<IEnumerator<(ChunkRecord Row, long Sequence)>>(_runs.Count + 1);
        try
        {
            foreach (var (path, count) in _runs)
            {
                sources.Add(ReadRun(path, count).GetEnumerator());
            }

            sources.Add(_batch.GetEnumerator());
            var queue = new PriorityQueue<int, (ChunkRecord Row, long Sequence)>(sources.Count, RowOrder.Instance);
            for (var i = 0; i < sources.Count; i++)
            {
                if (sources[i].MoveNext())
                {
                    queue.Enqueue(i, sources[i].Current);
                }
            }

            while (queue.TryDequeue(out var index, out var item))
            {
                yield return item;
                if (sources[index].MoveNext())
                {
                    queue.Enqueue(index, sources[index].Current);
                }
            }
        }
        finally
        {
            foreach (var source in sources)
            {
                source.Dispose();
            }
        }
    }

    public void Dispose()
    {
        _batch.Clear();
        if (_folderCreated && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private void Spill()
    {
        SortBatch();
        if (!_folderCreated)
        {
            Directory.CreateDirectory(_folder);
            _folderCreated = true;
        }

        var path = Path.Combine(_folder, $"run-{_runs.Count:D5}.bin");
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        using (var writer = new BinaryWriter(file))
        {
            ChunkRecord? previous = null;
            foreach (var (row, sequence) in _batch)
            {
                ChunkRunFile.Write(writer, row, sequence, previous);
                previous = row;
            }
        }

        _runs.Add((path, _batch.Count));
        _batch.Clear();
        _batch.TrimExcess();
        _metadataByDoi.Clear();
        _batchBytes = 0;
    }

    private static IEnumerable<(ChunkRecord Row, long Sequence)> ReadRun(string path, long count)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var reader = new BinaryReader(file);
        ChunkRecord? previous = null;
        for (var i = 0L; i < count; i++)
        {
            var item = ChunkRunFile.Read(reader, previous);
            previous = item.Row;
            yield return item;
        }
    }

    private void SortBatch() => _batch.Sort(static (a, b) => RowOrder.Instance.Compare(a, b));

    private static long Size(string? s) => s is null ? 0 : StringOverhead + 2L * s.Length;

    private static long MetadataSize(ChunkRecord row)
    {
        var bytes = Size(row.Title) + Size(row.Summary) + Size(row.Source) + Size(row.Comment) + Size(row.JournalRef)
            + Size(row.PrimaryCategory) + Size(row.Published) + Size(row.Updated);
        foreach (var s in row.Authors)
        {
            bytes += Size(s);
        }

        foreach (var s in row.Categories)
        {
            bytes += Size(s);
        }

        foreach (var r in row.References)
        {
            bytes += Size(r.Id) + 24;
        }

        return bytes;
    }

    private sealed class RowOrder : IComparer<(ChunkRecord Row, long Sequence)>
    {
        public static readonly RowOrder Instance = new();

        public int Compare((ChunkRecord Row, long Sequence) x, (ChunkRecord Row, long Sequence) y)
        {
            var byDoi = string.CompareOrdinal(x.Row.Doi, y.Row.Doi);
            return byDoi != 0 ? byDoi
                : x.Row.ChunkId != y.Row.ChunkId ? x.Row.ChunkId.CompareTo(y.Row.ChunkId)
                : x.Sequence.CompareTo(y.Sequence);
        }
    }
}
