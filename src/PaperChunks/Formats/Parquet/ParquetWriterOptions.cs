using System.IO.Compression;
using PaperChunks.Records;

namespace PaperChunks.Formats.Parquet;

/// <summary>
/// How Parquet files are laid out: codec, row-group size, dictionary columns, and, for a folder output,
/// sharding and Hive partitioning. Immutable and validated once when a writer is created; derive a variant
/// with a <c>with</c> expression.
/// </summary>
public sealed record ParquetWriterOptions
{
    /// <summary>The defaults: snappy, row groups of about 12 MB (8 MB for papers), dictionary for the per-paper columns.</summary>
    public static ParquetWriterOptions Default { get; } = new();

    /// <summary>The page codec. Default <see cref="ParquetCompression.Snappy"/>.</summary>
    public ParquetCompression Compression { get; init; } = ParquetCompression.Snappy;

    /// <summary>
    /// Speed against size for zstd and gzip. Default <see cref="System.IO.Compression.CompressionLevel.Optimal"/>
    /// (zstd level 3, as DuckDB and Arrow use); <c>SmallestSize</c> is much slower.
    /// </summary>
    public CompressionLevel CompressionLevel { get; init; } = CompressionLevel.Optimal;

    /// <summary>
    /// A row group is closed once its values take this many bytes uncompressed (text counted in characters,
    /// repeated per-paper values counted on every row). Default <see langword="null"/>: 12 MB for chunk and
    /// summarization rows (about 3,400 rows of a typical corpus), 8 MB for reassembled papers (about 100 papers).
    /// </summary>
    /// <remarks>
    /// Why not the 128 MB many tools default to: a row group is held in memory as .NET strings (two bytes a
    /// character) and Parquet.Net encodes a whole column chunk as one page in memory (the UTF-8 page, a
    /// contiguous copy of it and the compressed page), with the next row group filling meanwhile. Converting
    /// 1 GB of JSONL peaked at 1.2 GB of memory with 128 MB row groups, 330–370 MB with 32 MB, 256–288 MB with
    /// 16 MB and 219–243 MB with 12 MB (see docs/performance.md); files grow by under 1 %. A paper's text is one value, so its column
    /// chunk is nearly the whole row group: reassembling 1 GB to Parquet peaked at 353 MB with 16 MB and
    /// 254–301 MB (median 268 MB) with 8 MB (docs/reliability.md).
    /// </remarks>
    public long? RowGroupBytes { get; init; }

    /// <summary>A row group is also closed at this many rows, when set. Default none.</summary>
    public int? RowGroupRows { get; init; }

    /// <summary>
    /// Columns written with dictionary encoding. Default: the per-paper metadata that every chunk of a
    /// paper repeats (<c>doi</c>, <c>title</c>, <c>summary</c>, …), where a dictionary stores each value once.
    /// </summary>
    public IReadOnlyList<string> DictionaryColumns { get; init; } =
    [
        ChunkColumns.Doi, ChunkColumns.Title, ChunkColumns.Summary, ChunkColumns.Source, ChunkColumns.Authors,
        ChunkColumns.Categories, ChunkColumns.Comment, ChunkColumns.JournalRef, ChunkColumns.PrimaryCategory,
        ChunkColumns.Published, ChunkColumns.Updated, ChunkColumns.References,
    ];

    /// <summary>For a folder output: start a new shard after this many rows. Default none (one shard).</summary>
    public long? ShardRows { get; init; }

    /// <summary>
    /// For a folder output: start a new shard once a shard's uncompressed values reach this many bytes
    /// (counted as for <see cref="RowGroupBytes"/>). Default none.
    /// </summary>
    public long? ShardBytes { get; init; }

    /// <summary>
    /// For a folder output: the column to Hive-partition by, e.g. <c>primary_category</c> writes
    /// <c>primary_category=cs.LG/train-00000-of-00001.parquet</c>. Default none.
    /// </summary>
    public string? PartitionBy { get; init; }

    /// <summary>
    /// For a partitioned folder output: how many partitions may have a file open at once. Past it the least
    /// recently written partition's file is finished, and a new file is started if its value comes back
    /// (as DuckDB's <c>partitioned_write_max_open_files</c>). Default 32: 4,116 partitions of a 1 GB corpus
    /// then peak under 300 MB with 32 files open (docs/reliability.md); 100 peaked at 347 MB.
    /// </summary>
    public int MaxOpenPartitions { get; init; } = 32;

    /// <summary>
    /// For a folder output: split the rows into this many buckets by paper, Hive style
    /// (<c>bucket=K/train-00000-of-00001.parquet</c>, K = <see cref="Records.PaperShard.BucketOf(string, int)"/> of the
    /// doi), so that each paper's rows are in one bucket and a bucket can be reassembled alone. Default none.
    /// </summary>
    public int? Buckets { get; init; }

    /// <summary>
    /// Chunk rows: write a Hugging Face dataset folder with its dataset card, <c>README.md</c>, beside the shards:
    /// a YAML header with <c>configs</c> (<c>data_files</c> of the <c>train</c> split) and <c>dataset_info</c>
    /// (<c>features</c> read back from the written files' Parquet schema, <c>splits</c> with row counts and sizes),
    /// as the Hub and <c>datasets.load_dataset</c> read it. Implies a folder: one shard unless
    /// <see cref="ShardRows"/> or <see cref="ShardBytes"/> ask for more. Default false.
    /// </summary>
    public bool DatasetCard { get; init; }

    /// <summary>Whether these options write a folder (shards, partitions, buckets or a dataset card) rather than one file.</summary>
    public bool WritesFolder => ShardRows is not null || ShardBytes is not null || PartitionBy is not null || Buckets is not null || DatasetCard;

    /// <summary>The row-group size for chunk and summarization rows when <see cref="RowGroupBytes"/> is not set.</summary>
    internal const long RowGroupBytesForRows = 12L * 1024 * 1024;

    /// <summary>The row-group size for reassembled papers when <see cref="RowGroupBytes"/> is not set.</summary>
    internal const long RowGroupBytesForPapers = 8L * 1024 * 1024;

    /// <summary>The row-group size in force for rows: <see cref="RowGroupBytes"/>, or the rows' default.</summary>
    internal long RowGroupBytesOrDefault => RowGroupBytes ?? RowGroupBytesForRows;

    internal void Validate()
    {
        if (!Enum.IsDefined(Compression))
        {
            throw new ArgumentOutOfRangeException(nameof(Compression), Compression, "is not a known codec");
        }

        if (RowGroupBytes is < 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(RowGroupBytes), RowGroupBytes, "must be at least 1024 bytes");
        }

        if (RowGroupRows is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(RowGroupRows), RowGroupRows, "must be at least 1");
        }

        if (ShardRows is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ShardRows), ShardRows, "must be at least 1");
        }

        if (Buckets is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Buckets), Buckets, "must be at least 1");
        }

        if (Buckets is not null && PartitionBy is not null)
        {
            throw new ArgumentException("Buckets and PartitionBy are two ways to split a folder; choose one.", nameof(PartitionBy));
        }

        if (ShardBytes is < 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(ShardBytes), ShardBytes, "must be at least 1024 bytes");
        }

        if (MaxOpenPartitions < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxOpenPartitions), MaxOpenPartitions, "must be at least 1");
        }

        ArgumentNullException.ThrowIfNull(DictionaryColumns, nameof(DictionaryColumns));
    }

    internal global::Parquet.ParquetOptions ToParquetNet(IEnumerable<global::Parquet.Schema.DataField> fields)
    {
        var options = new global::Parquet.ParquetOptions
        {
            CompressionMethod = Compression switch
            {
                ParquetCompression.Zstd => global::Parquet.CompressionMethod.Zstd,
                ParquetCompression.Gzip => global::Parquet.CompressionMethod.Gzip,
                ParquetCompression.None => global::Parquet.CompressionMethod.None,
                _ => global::Parquet.CompressionMethod.Snappy,
            },
            CompressionLevel = CompressionLevel,
            DictionaryEncodingThreshold = 0.8,
            DictionaryEncodingSampleSize = 10_000,

            // Parquet.Net keeps freed encoding buffers pooled; its defaults (16 + 64 MB) weigh on a 300 MB budget.
            MaximumSmallPoolFreeBytes = 4 * 1024 * 1024,
            MaximumLargePoolFreeBytes = 32 * 1024 * 1024,
        };
        foreach (var field in fields)
        {
            options.ColumnEncodingHints[field.Path.ToString()] =
                DictionaryColumns.Contains(field.Path.FirstPart) ? global::Parquet.EncodingHint.Dictionary : global::Parquet.EncodingHint.Default;
        }

        return options;
    }
}
