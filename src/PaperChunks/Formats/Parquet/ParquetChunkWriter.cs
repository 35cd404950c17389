using PaperChunks.Records;

namespace PaperChunks.Formats.Parquet;

/// <summary>
/// Writes chunk rows to one Parquet file in the Hugging Face export's schema (see <see cref="ChunkColumns"/>).
/// Rows are buffered column by column and written a row group at a time while the next one fills; a
/// path output appears only on <see cref="RecordWriter{T}.Complete"/>. The columns get the types the first
/// row's <see cref="ChunkRecord.Schema"/> gives (a source's <c>chunk-id</c> string stays a string column); a
/// later row from a source storing them otherwise is a <see cref="PaperChunksOutputException"/>.
/// <see cref="ChunkRecord.ExtraFields"/> get string columns after the layout's own, fixed by the first row (see
/// <see cref="ExtraColumnSet"/>); a later row with another extra column is refused.
/// </summary>
internal sealed class ParquetChunkWriter : ParquetRecordWriter<ChunkRecord>
{
    /// <summary>Writes to a file, through a temporary file beside it.</summary>
    /// <param name="path">The target <c>.parquet</c> path.</param>
    /// <param name="parquetOptions">Layout settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="options">Overwrite setting, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="PaperChunksOutputException">The file exists and overwriting is off, or it cannot be created.</exception>
    public ParquetChunkWriter(string path, ParquetWriterOptions? parquetOptions = null, WriterOptions? options = null)
        : base(Open(path ?? throw new ArgumentNullException(nameof(path)), null, parquetOptions, options ?? WriterOptions.Default))
    {
    }

    /// <summary>Writes to a stream the caller owns; it must be writable (left open unless <see cref="WriterOptions.LeaveOpen"/> is false).</summary>
    /// <param name="output">The destination.</param>
    /// <param name="parquetOptions">Layout settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="options">Whether the stream is left open, or <see langword="null"/> for the defaults.</param>
    public ParquetChunkWriter(Stream output, ParquetWriterOptions? parquetOptions = null, WriterOptions? options = null)
        : base(Open(null, output ?? throw new ArgumentNullException(nameof(output)), parquetOptions, options ?? WriterOptions.Default))
    {
    }

    private ParquetChunkWriter(ParquetFileOutput<ChunkRecord, ChunkColumnBatch> output)
        : base(output)
    {
    }

    /// <summary>Bytes of rows held for the row group being filled.</summary>
    internal long BufferedBytes => Output.BufferedBytes;

    /// <summary>Closes the row group being filled early (a dataset writer does this to bound memory across partitions).</summary>
    internal ValueTask FlushRowGroupAsync(CancellationToken cancellationToken) => Output.FlushRowGroupAsync(cancellationToken);

    /// <summary>A shard of a dataset: the dataset writer has validated the options and strips the folder-only ones.</summary>
    internal static ParquetChunkWriter ForShard(string path, ParquetWriterOptions options, ExtraColumnSet? learned, FileBucket? bucket) =>
        new(Open(path, null, options with { ShardRows = null, ShardBytes = null, PartitionBy = null, Buckets = null, DatasetCard = false }, new WriterOptions { Overwrite = false, ExtraColumns = learned }, bucket));

    private static ParquetFileOutput<ChunkRecord, ChunkColumnBatch> Open(string? path, Stream? stream, ParquetWriterOptions? options, WriterOptions writer, FileBucket? bucket = null)
    {
        var layout = new ChunkParquetLayout(path ?? "<stream>", writer.ExtraColumns) { Bucket = bucket };
        return new(path, stream, () => layout.Parquet, SingleFile(options, "use ParquetChunkDatasetWriter"), writer, () => new ChunkColumnBatch(layout), () => layout.Metadata);
    }
}
