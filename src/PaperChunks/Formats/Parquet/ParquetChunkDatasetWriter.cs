using System.Globalization;
using PaperChunks.Records;

namespace PaperChunks.Formats.Parquet;

/// <summary>
/// Writes chunk rows to a folder of Parquet files: sharded by rows or bytes with Hugging Face file names
/// (<c>train-00000-of-00004.parquet</c>) and optionally Hive-partitioned
/// (<c>primary_category=cs.LG/train-00000-of-00001.parquet</c>; the column stays in the files too). Everything
/// is written into a temporary folder beside the target and moved into place on completion; on failure or
/// cancellation the temporary folder is deleted and an existing output is untouched.
/// </summary>
internal sealed class ParquetChunkDatasetWriter : RecordWriter<ChunkRecord>
{
    private const string Split = "train";

    private static readonly string[] PartitionColumns =
    [
        ChunkColumns.Doi, ChunkColumns.Title, ChunkColumns.Source, ChunkColumns.Comment, ChunkColumns.JournalRef,
        ChunkColumns.PrimaryCategory, ChunkColumns.Published, ChunkColumns.Updated,
    ];

    private readonly string _target;
    private readonly string _temp;
    private readonly bool _overwrite;
    private readonly ParquetWriterOptions _options;
    private readonly ExtraColumnSet? _learned;
    private readonly Dictionary<string, Partition> _partitions = new(StringComparer.Ordinal);
    private readonly RecentBucket _recentBucket = new();

    // Partitions with an open shard, least recently written first.
    private readonly LinkedList<Partition> _open = new();
    private bool _committed;

    /// <summary>Writes into <paramref name="folder"/>, which appears (or is replaced) only on completion.</summary>
    /// <param name="folder">The output folder.</param>
    /// <param name="parquetOptions">Layout, sharding and partitioning settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="options">Overwrite setting, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="PaperChunksOutputException">The folder exists (or is a file) and overwriting is off.</exception>
    public ParquetChunkDatasetWriter(string folder, ParquetWriterOptions? parquetOptions = null, WriterOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        _options = parquetOptions ?? ParquetWriterOptions.Default;
        _options.Validate();
        if (_options.PartitionBy is { } column && Array.IndexOf(PartitionColumns, column) < 0)
        {
            throw new ArgumentException(
                $"Cannot partition by \"{column}\"; use one of {string.Join(", ", PartitionColumns)}.", nameof(parquetOptions));
        }

        _target = Path.GetFullPath(folder);
        _overwrite = (options ?? WriterOptions.Default).Overwrite;
        _learned = options?.ExtraColumns;
        if (File.Exists(_target))
        {
            throw new PaperChunksOutputException(folder, "is a file, expected a folder for sharded or partitioned output");
        }

        if (!_overwrite && Directory.Exists(_target))
        {
            throw new PaperChunksOutputException(folder, "the folder exists; allow overwriting to replace it", outputExists: true);
        }

        var parent = Path.GetDirectoryName(_target.TrimEnd(Path.DirectorySeparatorChar))!;
        var name = Path.GetFileName(_target.TrimEnd(Path.DirectorySeparatorChar));
        _temp = Path.Combine(parent, TemporaryFiles.NameFor(name));
        try
        {
            Directory.CreateDirectory(parent);
            TemporaryFiles.RemoveStale(parent, name);
            Directory.CreateDirectory(_temp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PaperChunksOutputException(folder, $"cannot create the output: {e.Message}", e);
        }
    }

    /// <inheritdoc/>
    private protected override string OutputName => _target;

    /// <summary>Shard files written so far, across partitions (the one being filled included).</summary>
    public int ShardCount { get; private set; }

    /// <summary>Partitions with a shard open now (at most <see cref="ParquetWriterOptions.MaxOpenPartitions"/>).</summary>
    internal int OpenPartitions => _open.Count;

    /// <summary>
    /// Why <paramref name="record"/> cannot be written (its partition value cannot name a folder), or null.
    /// Writing it anyway throws <see cref="PaperChunksOutputException"/>; a pipeline asks first so that it can
    /// report the input row and, when skipping bad rows, go on.
    /// </summary>
    internal string? ProblemWith(ChunkRecord record) =>
        _options.PartitionBy is { } column && HivePartition.Problem(column, ValueOf(record, column)) is { } problem
            ? $"the partition value {problem}"
            : null;

    /// <inheritdoc/>
    protected override void WriteCore(ChunkRecord record) =>
        WriteCoreAsync(record, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc/>
    protected override async ValueTask WriteCoreAsync(ChunkRecord record, CancellationToken cancellationToken)
    {
        var partition = PartitionOf(record);
        if (partition.Writer is { } current && ShardIsFull(current))
        {
            await CloseShardAsync(partition, cancellationToken).ConfigureAwait(false);
        }

        if (partition.Writer is null)
        {
            await OpenShardAsync(partition, cancellationToken).ConfigureAwait(false);
        }
        else if (_open.Last != partition.Node)
        {
            _open.Remove(partition.Node);
            _open.AddLast(partition.Node);
        }

        await partition.Writer!.WriteAsync(record, cancellationToken).ConfigureAwait(false);
        if (_open.Count > 1)
        {
            await BoundBufferedRowsAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    protected override void CompleteCore() => CompleteCoreAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc/>
    protected override async ValueTask CompleteCoreAsync(CancellationToken cancellationToken)
    {
        while (_open.First is { } oldest)
        {
            await CloseShardAsync(oldest.Value, cancellationToken).ConfigureAwait(false);
        }

        var files = new List<string>();
        foreach (var partition in _partitions.Values)
        {
            // Hugging Face names say how many shards there are, known only now.
            for (var i = 0; i < partition.Shards.Count; i++)
            {
                files.Add(Path.Combine(partition.Folder, FinalName(i, partition.Shards.Count)));
                File.Move(partition.Shards[i], files[^1]);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (_options.DatasetCard)
        {
            HubDataset.DatasetCard.Write(_temp, _target, Split, files);
        }

        MoveIntoPlace();
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var partition in _open)
            {
                // A shard still open here belongs to a failed or abandoned run: discard it, never complete it.
                partition.Writer!.Abort();
                partition.Writer = null;
            }

            _open.Clear();

            DeleteUncommitted();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc/>
    protected override async ValueTask DisposeAsyncCore()
    {
        foreach (var partition in _open)
        {
            // Still open here means the dataset is being discarded: never complete a shard of it.
            partition.Writer!.Abort();
            partition.Writer = null;
        }

        _open.Clear();

        DeleteUncommitted();
        await base.DisposeAsyncCore().ConfigureAwait(false);
    }

    private void DeleteUncommitted()
    {
        if (!_committed && Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }
    }

    private static string ShardName(int index) => string.Create(CultureInfo.InvariantCulture, $"{Split}-{index:D5}.parquet.part");

    private static string FinalName(int index, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{Split}-{index:D5}-of-{count:D5}.parquet");

    private static string? ValueOf(ChunkRecord record, string column) => column switch
    {
        ChunkColumns.Doi => record.Doi,
        ChunkColumns.Title => record.Title,
        ChunkColumns.Source => record.Source,
        ChunkColumns.Comment => record.Comment,
        ChunkColumns.JournalRef => record.JournalRef,
        ChunkColumns.PrimaryCategory => record.PrimaryCategory,
        ChunkColumns.Published => record.Published,
        _ => record.Updated,
    };

    private bool ShardIsFull(ParquetChunkWriter writer) =>
        writer.RecordsWritten >= _options.ShardRows || writer.BytesWritten >= _options.ShardBytes;

    private Partition PartitionOf(ChunkRecord record)
    {
        FileBucket? bucket = _options.Buckets is { } buckets ? new(_recentBucket.Of(record.Doi, buckets), buckets) : null;
        var key = bucket is { } b
            ? string.Create(CultureInfo.InvariantCulture, $"bucket={b.Index}")
            : _options.PartitionBy is { } column
            ? HivePartition.FolderName(column, ValueOf(record, column), _target)
            : "";
        if (!_partitions.TryGetValue(key, out var partition))
        {
            var folder = key.Length == 0 ? _temp : HivePartition.Inside(_temp, key, _target);
            Directory.CreateDirectory(folder);
            partition = new Partition(folder, bucket);
            _partitions.Add(key, partition);
        }

        return partition;
    }

    // Each partition fills its own row group; without a shared bound, many small partitions would hold the
    // whole input in memory. Past one row group's worth in total, the fullest one is written out early.
    private async ValueTask BoundBufferedRowsAsync(CancellationToken cancellationToken)
    {
        long total = 0;
        ParquetChunkWriter? fullest = null;
        foreach (var partition in _open)
        {
            var writer = partition.Writer!;
            total += writer.BufferedBytes;
            if (fullest is null || writer.BufferedBytes > fullest.BufferedBytes)
            {
                fullest = writer;
            }
        }

        if (total > _options.RowGroupBytesOrDefault && fullest is not null)
        {
            await fullest.FlushRowGroupAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // One open shard holds a file, its write buffers and Parquet.Net's state (about 390 KB). Past the bound the
    // least recently written partition's shard is finished and closed; if its value comes back it gets a new
    // shard, as DuckDB (partitioned_write_max_open_files) and Spark do. Memory and open files then stay
    // bounded for any number of values; an input grouped by the partition column still gets one file each.
    private async ValueTask OpenShardAsync(Partition partition, CancellationToken cancellationToken)
    {
        if (_open.Count >= _options.MaxOpenPartitions)
        {
            await CloseShardAsync(_open.First!.Value, cancellationToken).ConfigureAwait(false);
        }

        var path = Path.Combine(partition.Folder, ShardName(partition.Shards.Count));
        partition.Writer = ParquetChunkWriter.ForShard(path, _options, _learned, partition.Bucket);
        partition.Shards.Add(path);
        _open.AddLast(partition.Node);
        ShardCount++;
    }

    private async ValueTask CloseShardAsync(Partition partition, CancellationToken cancellationToken)
    {
        var writer = partition.Writer!;
        _open.Remove(partition.Node);
        partition.Writer = null;
        try
        {
            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await writer.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void MoveIntoPlace()
    {
        try
        {
            string? old = null;
            if (Directory.Exists(_target))
            {
                old = Path.Combine(Path.GetDirectoryName(_temp)!, TemporaryFiles.NameFor(Path.GetFileName(_target)));
                Directory.Move(_target, old);
            }

            Directory.Move(_temp, _target);
            _committed = true;
            if (old is not null)
            {
                Directory.Delete(old, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PaperChunksOutputException(_target, $"cannot complete the output: {e.Message}", e);
        }
    }

    private sealed class Partition
    {
        public Partition(string folder, FileBucket? bucket)
        {
            Folder = folder;
            Bucket = bucket;
            Node = new LinkedListNode<Partition>(this);
        }

        public string Folder { get; }

        public FileBucket? Bucket { get; }

        public LinkedListNode<Partition> Node { get; }

        public List<string> Shards { get; } = [];

        public ParquetChunkWriter? Writer { get; set; }
    }
}
