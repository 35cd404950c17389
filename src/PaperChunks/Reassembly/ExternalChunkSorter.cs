using System.Buffers.Binary;
using PaperChunks.Formats;
using PaperChunks.Records;
using Blob = PaperChunks.Reassembly.RowArena.Blob;

namespace PaperChunks.Reassembly;

/// <summary>
/// Sorts chunk rows by (doi, chunk-id, input position) within a memory budget. Each row is serialized
/// on arrival into reused byte segments (so the reader's strings die young and the held batch costs
/// exactly its bytes, with no long-lived objects for the GC to trace); a paper's metadata is stored
/// once per batch while it stays the same. When the batch passes the budget its keys are sorted and
/// the rows copied in order to a run file. An input that fit is read back from memory; otherwise the
/// last batch is spilled too and its memory freed, and the runs are merged with a priority queue, so the
/// merge holds only the runs' read buffers. The temporary folder is deleted on dispose, whatever happened.
/// </summary>
internal sealed class ExternalChunkSorter : IDisposable
{
    private const int KeyBytes = 64;

    private readonly long _budget;
    private readonly RowArena _arena;
    private const string FolderName = "paperchunks-sort";

    private static readonly UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private static readonly UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly string _tempDirectory;
    private readonly string _folder;
    private readonly List<RowKey> _keys = [];
    private readonly Dictionary<string, (string Doi, Blob Metadata)> _metadataByDoi = new(StringComparer.Ordinal);
    private readonly RowBlobWriter _scratch = new();
    private readonly List<(string Path, long Count)> _runs = [];
    private long _sequence;
    private bool _folderCreated;

    public ExternalChunkSorter(long memoryLimitBytes, string? tempDirectory)
    {
        // Half the limit for the held batch: the rest covers the reader, the paper being built and GC slack.
        _budget = Math.Min(memoryLimitBytes / 2, int.MaxValue);
        _arena = new RowArena((int)Math.Clamp(_budget / 8, 64 * 1024, 4 * 1024 * 1024));
        _tempDirectory = tempDirectory ?? Path.GetTempPath();
        _folder = Path.Combine(_tempDirectory, TemporaryFiles.NameFor(FolderName));
    }

    /// <summary>Sorted runs written to disk so far.</summary>
    public int RunsSpilled => _runs.Count;

    public void Add(ChunkRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var metadata = StoreMetadata(row, out var doi);
        _scratch.Clear();
        ChunkRunFile.WriteHead(_scratch, row, _sequence);
        var head = _arena.Store(_scratch.Written);
        _keys.Add(new RowKey(doi, row.ChunkId, _sequence++, head, metadata));
        if (_arena.BytesHeld + ((long)_keys.Count * KeyBytes) > _budget)
        {
            Spill();
        }
    }

    /// <summary>Numbers the rows added from now on from <paramref name="sequence"/> (a later part of the input).</summary>
    public void ContinueAt(long sequence) => _sequence = sequence;

    /// <summary>Every row added, in (doi, chunk-id, input position) order.</summary>
    public IEnumerable<(ChunkRecord Row, long Sequence)> Sorted() => Sorted([this]);

    /// <summary>Every row added to any of <paramref name="sorters"/> (numbered apart), in (doi, chunk-id, input position) order.</summary>
    public static IEnumerable<(ChunkRecord Row, long Sequence)> Sorted(IReadOnlyList<ExternalChunkSorter> sorters)
    {
        if (sorters.All(s => s._runs.Count == 0))
        {
            foreach (var sorter in sorters)
            {
                sorter._keys.Sort(RowOrder.Instance);
            }

            return sorters is [var only] ? only.ReadBatch() : Merge(sorters);
        }

        // The input did not fit: the last batches go to disk too, so that the merge holds no batch while
        // the papers are built and written (a Parquet writer's row groups need that room; a batch spilled
        // costs one more write and read of at most half the budget, through the page cache).
        foreach (var sorter in sorters)
        {
            sorter.SpillRemainder();
        }

        return Merge(sorters);
    }

    public void Dispose()
    {
        _keys.Clear();
        _arena.Dispose();
        if (_folderCreated && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static IEnumerable<(ChunkRecord Row, long Sequence)> Merge(IReadOnlyList<ExternalChunkSorter> sorters)
    {
        var sources = new List<IEnumerator<(ChunkRecord Row, long Sequence)>>();
        try
        {
            foreach (var sorter in sorters)
            {
                foreach (var (path, count) in sorter._runs)
                {
                    sources.Add(ReadRun(path, count).GetEnumerator());
                }

                sources.Add(sorter.ReadBatch().GetEnumerator());
            }

            var queue = new PriorityQueue<int, (ChunkRecord Row, long Sequence)>(sources.Count, MergeOrder.Instance);
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

    /// <summary>Stores the row's metadata unless the batch already holds the same for its doi.</summary>
    private Blob StoreMetadata(ChunkRecord row, out string doi)
    {
        // Compared in place with the stored copy: no serializing of the 2–3 KB a row repeats.
        if (_metadataByDoi.TryGetValue(row.Doi, out var known) && ChunkRunFile.MetadataMatches(_arena.Span(known.Metadata), row))
        {
            doi = known.Doi;
            return known.Metadata;
        }

        doi = known.Doi ?? row.Doi;
        _scratch.Clear();
        ChunkRunFile.WriteMetadata(_scratch, row);
        var blob = _arena.Store(_scratch.Written);
        _metadataByDoi[doi] = (doi, blob);
        return blob;
    }

    private void SpillRemainder()
    {
        if (_keys.Count > 0)
        {
            Spill();
        }

        _keys.TrimExcess();
        _metadataByDoi.TrimExcess();
        _arena.Dispose();
    }

    private void Spill()
    {
        _keys.Sort(RowOrder.Instance);
        var path = Path.Combine(_folder, $"run-{_runs.Count:D5}.bin");
        try
        {
            CreateFolder();
            WriteRun(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }

            throw new PaperChunksOutputException(_tempDirectory, $"cannot write the sort's temporary files (choose another folder with --temp-dir or a larger memory limit): {e.Message}", e);
        }

        _runs.Add((path, _keys.Count));
        _keys.Clear();
        _metadataByDoi.Clear();
        _arena.Clear();
    }

    // The rows of a shared temp folder are other people's papers too: the folder is the owner's alone.
    private void CreateFolder()
    {
        if (_folderCreated)
        {
            return;
        }

        TemporaryFiles.RemoveStale(_tempDirectory, FolderName);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(_folder);
        }
        else
        {
            Directory.CreateDirectory(_folder, OwnerOnlyFolder);
        }

        _folderCreated = true;
    }

    private void WriteRun(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 1 << 20 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        using var file = new FileStream(path, options);
        Blob? previous = null;
        foreach (var key in _keys)
        {
            WriteBlob(file, key.Head);
            if (previous == key.Metadata)
            {
                file.WriteByte(ChunkRunFile.SameMetadata);
            }
            else
            {
                file.WriteByte(ChunkRunFile.FullMetadata);
                WriteBlob(file, key.Metadata);
            }

            previous = key.Metadata;
        }
    }

    private void WriteBlob(FileStream file, Blob blob)
    {
        Span<byte> length = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(length, blob.Length);
        file.Write(length);
        file.Write(_arena.Span(blob));
    }

    private IEnumerable<(ChunkRecord Row, long Sequence)> ReadBatch()
    {
        ChunkRecord? previous = null;
        Blob? previousMetadata = null;
        foreach (var key in _keys)
        {
            var head = ChunkRunFile.ReadHead(_arena.Span(key.Head));
            var row = previous is not null && previousMetadata == key.Metadata
                ? head.On(previous)
                : ChunkRunFile.ReadMetadata(_arena.Span(key.Metadata), head);
            previous = row;
            previousMetadata = key.Metadata;
            yield return (row, head.Sequence);
        }
    }

    private static IEnumerable<(ChunkRecord Row, long Sequence)> ReadRun(string path, long count)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var buffer = new byte[1 << 16];
        ChunkRecord? previous = null;
        for (var i = 0L; i < count; i++)
        {
            var head = ChunkRunFile.ReadHead(ReadBlob(file, ref buffer));
            var row = file.ReadByte() switch
            {
                ChunkRunFile.SameMetadata when previous is not null => head.On(previous),
                ChunkRunFile.FullMetadata => ChunkRunFile.ReadMetadata(ReadBlob(file, ref buffer), head),
                _ => throw new InvalidDataException($"Run file {path} is damaged at row {i}."),
            };
            previous = row;
            yield return (row, head.Sequence);
        }
    }

    private static ReadOnlySpan<byte> ReadBlob(FileStream file, ref byte[] buffer)
    {
        file.ReadExactly(buffer.AsSpan(0, sizeof(int)));
        var length = BinaryPrimitives.ReadInt32LittleEndian(buffer);
        if (buffer.Length < length)
        {
            buffer = new byte[Math.Max(length, buffer.Length * 2)];
        }

        file.ReadExactly(buffer.AsSpan(0, length));
        return buffer.AsSpan(0, length);
    }

    private readonly record struct RowKey(string Doi, long ChunkId, long Sequence, Blob Head, Blob Metadata);

    private sealed class RowOrder : IComparer<RowKey>
    {
        public static readonly RowOrder Instance = new();

        public int Compare(RowKey x, RowKey y)
        {
            var byDoi = string.CompareOrdinal(x.Doi, y.Doi);
            return byDoi != 0 ? byDoi : x.ChunkId != y.ChunkId ? x.ChunkId.CompareTo(y.ChunkId) : x.Sequence.CompareTo(y.Sequence);
        }
    }

    private sealed class MergeOrder : IComparer<(ChunkRecord Row, long Sequence)>
    {
        public static readonly MergeOrder Instance = new();

        public int Compare((ChunkRecord Row, long Sequence) x, (ChunkRecord Row, long Sequence) y)
        {
            var byDoi = string.CompareOrdinal(x.Row.Doi, y.Row.Doi);
            return byDoi != 0 ? byDoi
                : x.Row.ChunkId != y.Row.ChunkId ? x.Row.ChunkId.CompareTo(y.Row.ChunkId)
                : x.Sequence.CompareTo(y.Sequence);
        }
    }
}
