using PaperChunks.Records;

namespace PaperChunks.Formats.Parquet;

/// <summary>
/// Writes chunk rows to one Parquet file in the Hugging Face export's schema (see <see cref="ChunkColumns"/>).
/// Rows are buffered column by column and written a row group at a time while the next one fills; a
/// path output appears only on <see cref="RecordWriter{T}.Complete"/>. <see cref="ChunkRecord.ExtraFields"/>
/// have no column and are not written.
/// </summary>
public sealed class ParquetChunkWriter : RecordWriter<ChunkRecord>
{
    private readonly AtomicOutputFile? _file;
    private readonly RowGroupPipeline<ChunkColumnBatch> _pipeline;
    private readonly ParquetWriterOptions _options;

    /// <summary>Writes to a file, through a temporary file beside it.</summary>
    /// <param name="path">The target <c>.parquet</c> path.</param>
    /// <param name="parquetOptions">Layout settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="options">Overwrite setting, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="PaperChunksOutputException">The file exists and overwriting is off, or it cannot be created.</exception>
    public ParquetChunkWriter(string path, ParquetWriterOptions? parquetOptions = null, WriterOptions? options = null)
    {
        _options = Validated(parquetOptions);
        _file = AtomicOutputFile.Create(path, (options ?? WriterOptions.Default).Overwrite);
        _pipeline = NewPipeline(_file.Stream, path);
    }

    /// <summary>Writes to a stream the caller owns; it must be writable (and is left open).</summary>
    /// <param name="output">The destination.</param>
    /// <param name="parquetOptions">Layout settings, or <see langword="null"/> for the defaults.</param>
    public ParquetChunkWriter(Stream output, ParquetWriterOptions? parquetOptions = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        _options = Validated(parquetOptions);
        _pipeline = NewPipeline(output, "<stream>");
    }

    /// <summary>Uncompressed bytes of the rows written so far (the measure row groups and shards are cut by).</summary>
    public long BytesWritten { get; private set; }

    /// <summary>Bytes of rows held for the row group being filled.</summary>
    internal long BufferedBytes => _pipeline.Current.Bytes;

    /// <summary>Closes the row group being filled early (a dataset writer does this to bound memory across partitions).</summary>
    internal ValueTask FlushRowGroupAsync(CancellationToken cancellationToken) =>
        _pipeline.Current.RowCount == 0 ? ValueTask.CompletedTask : _pipeline.SubmitAsync(cancellationToken);

    /// <inheritdoc/>
    protected override void WriteCore(ChunkRecord record)
    {
        if (Add(record))
        {
            _pipeline.SubmitAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
    }

    /// <inheritdoc/>
    protected override async ValueTask WriteCoreAsync(ChunkRecord record, CancellationToken cancellationToken)
    {
        if (Add(record))
        {
            await _pipeline.SubmitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    protected override void CompleteCore() => CompleteCoreAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc/>
    protected override async ValueTask CompleteCoreAsync(CancellationToken cancellationToken)
    {
        await _pipeline.CompleteAsync(cancellationToken).ConfigureAwait(false);
        _file?.Commit();
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _pipeline.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _file?.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc/>
    protected override async ValueTask DisposeAsyncCore()
    {
        await _pipeline.DisposeAsync().ConfigureAwait(false);
        _file?.Dispose();
        await base.DisposeAsyncCore().ConfigureAwait(false);
    }

    private static ParquetWriterOptions Validated(ParquetWriterOptions? options)
    {
        options ??= ParquetWriterOptions.Default;
        options.Validate();
        if (options.ShardRows is not null || options.ShardBytes is not null || options.PartitionBy is not null)
        {
            throw new ArgumentException("Sharding and partitioning need a folder output; use ParquetChunkDatasetWriter.", nameof(options));
        }

        return options;
    }

    /// <summary>A shard of a dataset: the dataset writer has validated the options and strips the folder-only ones.</summary>
    internal static ParquetChunkWriter ForShard(string path, ParquetWriterOptions options) =>
        new(path, options with { ShardRows = null, ShardBytes = null, PartitionBy = null }, new WriterOptions { Overwrite = false });

    private RowGroupPipeline<ChunkColumnBatch> NewPipeline(Stream output, string name) =>
        new(output, name, ChunkParquetSchema.Schema, _options.ToParquetNet(ChunkParquetSchema.Leaves), () => new ChunkColumnBatch());

    // Adds the row; true when the row group is full.
    private bool Add(ChunkRecord record)
    {
        var batch = _pipeline.Current;
        var before = batch.Bytes;
        batch.Add(record);
        BytesWritten += batch.Bytes - before;
        return batch.Bytes >= _options.RowGroupBytes || batch.RowCount >= _options.RowGroupRows;
    }
}
